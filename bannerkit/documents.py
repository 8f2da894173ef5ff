"""Turn the document registry and the office's configuration into documents and their addresses.

Each office keeps its own copies of the plans online; bannerkit.toml in the working folder (or
$BANNERKIT_DOCS_BASE_URL) says where:

    [documents]
    base_url = "https://tuyengiao.example.gov.vn/van-ban/"   # a document's address: base_url + its id
    [documents.urls]
    hd-176-btgtw = "https://.../huong-dan-176.pdf"            # or one address per document
"""

from __future__ import annotations

import os
from pathlib import Path

from .caches import file_cache
from .config import CONFIG_FILE, load_config
from .errors import CatalogueError
from .i18n import _
from .model import Document
from .resources import package_data, read_toml

BASE_URL_ENV = "BANNERKIT_DOCS_BASE_URL"


@file_cache
def load_documents() -> dict[str, Document]:
    return {key: Document(id=key, **fields) for key, fields in read_toml(package_data("documents.toml")).items()}


def document(doc_id: str) -> Document:
    documents = load_documents()
    if doc_id not in documents:
        raise CatalogueError(_("unknown document {id!r}; known: {ids}").format(id=doc_id, ids=", ".join(documents)))
    return documents[doc_id]


def document_url(doc: Document, folder: Path | None = None) -> str:
    """The configured address of a document, or an error that says how to configure it."""
    config = load_config(folder).documents
    if doc.id in config.get("urls", {}):
        return str(config["urls"][doc.id])
    base = os.environ.get(BASE_URL_ENV) or config.get("base_url")
    if not base:
        raise CatalogueError(
            _("no address is configured for document {id!r}: set base_url under [documents] in {file} "
              "or ${env}, or give the address with --qr URL").format(id=doc.id, file=CONFIG_FILE, env=BASE_URL_ENV))
    return str(base).rstrip("/") + "/" + doc.id

