"""The .docx zip writer: what zipfile reads back, deterministic, and the same archive
whether a part is deflated on the spot or copied pre-deflated."""

from __future__ import annotations

import io
import zipfile

from hypothesis import given
from hypothesis import strategies as st

from ttdn_docs.render.package import FIXED_DATE, DeflatedEntry, read_entries, write_entries

names = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=30)
entries = st.lists(st.tuples(names, st.binary(max_size=3000)), max_size=6, unique_by=lambda e: e[0])


@given(entries)
def test_archive_reads_back_with_zipfile(items: list[tuple[str, bytes]]) -> None:
    data = write_entries(items)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        infos = archive.infolist()
        assert [i.filename for i in infos] == [name for name, _ in items]
        assert all(i.date_time == FIXED_DATE and i.compress_type == zipfile.ZIP_DEFLATED for i in infos)
        assert all(i.external_attr >> 16 == 0o644 for i in infos)
    assert read_entries(data) == items


@given(entries)
def test_pre_deflated_entries_give_the_same_bytes(items: list[tuple[str, bytes]]) -> None:
    assert write_entries([DeflatedEntry.of(*e) for e in items]) == write_entries(items)
    assert write_entries(items) == write_entries(list(items))


def test_same_archive_as_zipfile_writestr() -> None:
    """The committed templates were written by zipfile; the writer must not change them."""
    items = [("[Content_Types].xml", b"<x/>" * 100), ("word/tài liệu.xml", "chữ Việt".encode() * 50), ("empty", b"")]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for name, blob in items:
            info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            archive.writestr(info, blob)
    assert write_entries(items) == buffer.getvalue()
