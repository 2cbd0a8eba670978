"""Stories: articles about the same news event, and who published copied text first."""
