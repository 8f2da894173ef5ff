"""Live preview for designers: every size of a design side by side, refreshed as files change.

The server (preview.app: Starlette, uvicorn, watchfiles) is the optional 'preview' part; the
renders it serves (preview.render) are also the contact sheet's and need nothing more.
"""
