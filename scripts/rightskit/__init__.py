"""Rights at Home build tools: load, validate, model and render the knowledge base."""
