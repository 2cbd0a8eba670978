"""The reader's widgets: the article list, the passage reader and the side panel."""
