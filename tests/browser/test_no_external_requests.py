"""No request leaves the server: every page load asks only the app's own host."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import click, open_url, wait_idle

pytestmark = pytest.mark.browser

#: The pages of the demo round, each loaded anew, by their link's name in the navigation.
PAGES = ("Ergebnisse", "Roadmap", "Fragebogen", "Profil")


def test_no_page_load_contacts_another_host(page, server):
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))

    open_url(page, server.url)
    click(page, page.get_by_role("button", name="Demo öffnen"))
    expect(page).to_have_url(re.compile(r"/results\?.*t="))
    demo = page.url
    for name in PAGES:
        click(page, page.get_by_role("link", name=name, exact=True))
        page.reload()
        wait_idle(page)
    open_url(page, demo)
    icons = page.locator("link[rel~='icon']").evaluate_all("links => links.map(l => l.href)")

    own = urlsplit(server.url).netloc
    hosts = {
        urlsplit(url).netloc for url in requested if urlsplit(url).scheme in ("http", "https", "ws")
    }
    print(f"\n{len(requested)} requests, hosts: {sorted(hosts)}; icons: {icons}")
    assert len(requested) > 20, "the page loads were recorded"
    assert hosts == {own}, [url for url in requested if urlsplit(url).netloc != own][:10]
    assert icons and all(urlsplit(icon).netloc == own for icon in icons), icons
