"""The offline kit's PDFs, on the mini project: no web address of the site, every link to the site
printed as the file it opens in the unzipped folder, no QR code."""
from __future__ import annotations

import re
import zipfile

from pdfread import all_text
from rightskit.core import languages
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


def test_offline_kit_pdfs_contain_no_web_address_of_the_site(mini, monkeypatch, tmp_path, capsys):
    from rightskit.cli.main import main

    config = mini / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("pdf: false", "pdf: true"), encoding="utf-8")
    monkeypatch.setenv("SITE_URL", ADDRESS)
    assert main(["-f", str(config), "offline", "-o", str(tmp_path / "kit.zip")]) == 0, capsys.readouterr().err
    with zipfile.ZipFile(tmp_path / "kit.zip") as archive:
        archive.extractall(tmp_path / "unzipped")
    kit = tmp_path / "unzipped" / "rights-at-home"
    pdfs = sorted(kit.rglob("*.pdf"))
    assert pdfs
    for pdf in pdfs:
        text = all_text(pdf)
        assert "example.test" not in text and "example.invalid" not in text, pdf.name
        # Every file a PDF names is in the kit, where the reader will look for it.
        for named in re.findall(r"rights-at-home/(\S+?\.html)", text.replace("\n", "")):
            assert (kit / named).is_file(), f"{pdf.name} names {named}, which the kit does not have"
    packet = all_text(kit / "pdf" / "housing-packet-letter.pdf").replace("\n", " ")
    assert "rights-at-home/workshops/housing.html" in packet
    heading = languages.strings("en")("Files of the offline kit in this document")
    guide = all_text(kit / "pdf" / "housing-guide-letter.pdf")
    assert heading in guide and "rights-at-home/standards/" in guide.replace("\n", "")
