"""The app's screens and dialogs, each usable on its own."""
