"""The use cases of the app and their rules; the UI and the CLI only call these."""
