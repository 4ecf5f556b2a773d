"""The offline kit's documents, on the mini project: every link to the site printed as the file it
opens in the unzipped folder, no QR code. (The PDFs of a whole kit, read back: test_offline.py.)"""
from __future__ import annotations

from rightskit.outputs.print.pdf import Printer
from rightskit.project import Project, load_site

ADDRESS = "https://rights.example.test/"  # a real-looking address: what a deployed build prints


def test_offline_documents_name_local_files_and_have_no_qr_code(mini):
    site = load_site(Project(mini)).site
    online = Printer(site, ADDRESS).documents()
    offline = Printer(site, ADDRESS, offline=True).documents()
    assert [d.name for d in online] == [d.name for d in offline]
    assert any("QR code linking to" in d.html for d in online)  # the check below can fail
    for doc in offline:
        assert ADDRESS not in doc.html and "rights.example.test" not in doc.html, doc.name
        assert "QR code" not in doc.html and "data:image/svg+xml" not in doc.html.split("<body", 1)[1], doc.name
    packet = next(d.html for d in offline if d.name.endswith("housing-packet-letter.pdf"))
    assert "rights-at-home/workshops/housing.html" in packet
