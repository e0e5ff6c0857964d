"""Rules for an input of a cooperation with a foreign partner (KSDPL, KSDLL): every text in each
language of the agreement, the languages declared, the regulation that governs the procedure,
the central government's approval and confirmation letter, and the consultation that precedes
a letter of intent."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..messages import msg
from ..model import BAHASA, Ksb, Loi, Pks, foreign, languages
from ..translations import untranslated
from ..yamlread import key_text
from .findings import Finding

if TYPE_CHECKING:
    from .agreement import _Checker

#: The letters of the central government a Memorandum or an implementing arrangement cites.
CENTRAL = ("persetujuan_pusat", "surat_konfirmasi")
MINISTRIES = ("kementerian_dalam_negeri", "kementerian_luar_negeri")


def foreign_rules(checker: _Checker) -> None:
    """Apply the rules for a foreign cooperation to the input ``checker`` holds."""
    if not foreign(checker.doc):
        return
    _translations(checker)
    _languages(checker)
    _regulations(checker)
    _central(checker)
    _consultation(checker)


def _translations(checker: _Checker) -> None:
    """Every text that is written per language, in each language of the text but Indonesian:
    a missing translation is a finding at the Indonesian text (in a form, at the empty cell
    of its translation), never a silent blank."""
    loaded = checker.loaded
    for lang in languages(checker.doc)[1:]:
        for loc in untranslated(loaded.data, loaded.translations, lang):
            where, cell = checker.at(*loc), loaded.cells.get((*loc, lang))
            how: object = f"{{id: …, {lang}: …}}"
            if cell is not None:
                where = replace(where, cell=cell)
                how = msg("form_translation_cell", bahasa=BAHASA[lang], cell=cell[1])
            for rule in checker.book.rules("terjemahan", checker.kind, checker.jenis):
                checker.findings.append(Finding(rule, None, where, {
                    "bagian": key_text(loc), "bahasa": BAHASA[lang], "contoh": how}))


def _languages(checker: _Checker) -> None:
    declared = checker.doc.bahasa
    if declared is None or not declared.naskah:
        return  # a part not filled in: reported as such
    details = []
    if "id" not in declared.naskah:
        details.append(msg("language_no_indonesian"))
    if not set(declared.naskah) - {"id"}:
        details.append(msg("language_only_indonesian"))
    if details:
        checker.add("bahasa_naskah", ("bahasa", "naskah"), None, rincian=details)


def _regulations(checker: _Checker) -> None:
    """A regulation for another jenis cited in its place, and the one that should be cited."""
    texts = checker.doc.dasar_hukum or []
    for rule in checker.book.rules("peraturan_jenis_lain", checker.kind, checker.jenis):
        for i, text in enumerate(texts):
            for wrong in rule.salah:
                if wrong.cited_as_current(text):
                    checker.findings.append(Finding(rule, None, checker.at("dasar_hukum", i), {
                        "nama": wrong.nama, "pengganti": wrong.pengganti}))
    for rule in checker.book.rules("peraturan_wajib", checker.kind, checker.jenis):
        for cited in rule.wajib:
            if not any(cited.pola.search(text) for text in texts):
                where = checker.at("dasar_hukum") if texts else None
                checker.findings.append(Finding(rule, None, where, {"nama": cited.nama}))


def _central(checker: _Checker) -> None:
    if not isinstance(checker.doc, Ksb | Pks):
        return
    for name in CENTRAL:
        if getattr(checker.doc, name) is None:
            checker.add("persetujuan_pusat", (name,), None, bagian=name)


def _consultation(checker: _Checker) -> None:
    if not isinstance(checker.doc, Loi):
        return
    done = checker.doc.konsultasi
    for name in MINISTRIES:
        if done is None or getattr(done, name) is None:
            checker.add("konsultasi_kehendak", ("konsultasi",), None,
                        bagian=f"konsultasi.{name}")
