"""The kinds of document and of cooperation, by name: what the command line offers and a
template declares, known without loading the models (a test holds them to the models' own)."""

from __future__ import annotations

#: Kinds of document: a cooperation agreement, a joint agreement, a letter of intent.
DOKUMEN = ("PKS", "KSB", "LOI")
#: Kinds of regional cooperation (PP 28/2018 Pasal 1), as :class:`pkgen.model.types.Jenis`.
JENIS = ("KSDD", "KSDPK", "KSDPL", "KSDLL")
