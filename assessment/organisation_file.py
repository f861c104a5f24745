"""The organisation file (JSON): every round of one organisation, each as a response file."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from assessment.responses import Organisation, ResponseFile

FORMAT = "vielfaltskompass.organisation/1"


class OrganisationFile(BaseModel):
    """An organisation's profile and its rounds, oldest first (an organisation link's export)."""

    model_config = ConfigDict(extra="forbid")

    format: Literal["vielfaltskompass.organisation/1"] = FORMAT
    organisation: Organisation
    rounds: list[ResponseFile] = Field(default_factory=list)


def dump_organisation_file(data: OrganisationFile) -> str:
    """Serialise an organisation file as pretty, stable JSON."""
    return data.model_dump_json(indent=2) + "\n"
