"""A test register for ``pkgen rekap``: the examples, and agreements made from them that cover
every status and every alert on :data:`PER` — signed, ended, terminated and draft ones, KSBs
with and without their PKS, an extension, foreign cooperation, evaluations, a filled form and
two inputs that cannot be loaded.

``bulk_register`` makes a large register of the same kinds of agreements for the benchmark.
"""

from __future__ import annotations

import copy
import datetime as dt
import random
import shutil
from pathlib import Path

from pkgen.emit import agreement_yaml
from pkgen.forms import agreement_data
from pkgen.inputs import load_agreement

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
PER = dt.date(2025, 6, 30)
KSB_TPA = EXAMPLES / "ksb-tpa-kota-kab-mojokerto.yaml"
PKS_TPA = EXAMPLES / "pks-tpa-kota-kab-mojokerto.yaml"
PKS_WISATA = EXAMPLES / "pks-pariwisata-disporabudpar-swasta.yaml"
FOREIGN_IA = EXAMPLES / "pks-pariwisata-mojokerto-universitas-luar-negeri.yaml"
PKS_SPBE = EXAMPLES / "pks-spbe-mojokerto-jombang.yaml"
FORM = EXAMPLES / "formulir-pks-tpa.xlsx"
#: The line of ``BROKEN`` where YAML finds its mistake: after the unclosed bracket.
BROKEN_LINE = 5
BROKEN = "dokumen: PKS\njenis: KSDD\ntentang: Parkir Tepi Jalan\npihak: [\n"
#: An evaluation, as the bulk register's PKS add it.
EVALUATION = """evaluasi:
  - periode: Tahun 2024
    pelaksanaan: sebagian
    kendala: Anggaran terbatas
    tindak_lanjut: Diusulkan dalam APBD Perubahan
    batas_tindak_lanjut: 2025-09-30
    selesai: Tidak
"""


def data(source: Path) -> dict:
    """An example as plain data (a fresh copy each time)."""
    return copy.deepcopy(agreement_data(load_agreement(source).document))


def write(path: Path, agreement: dict) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(agreement_yaml(agreement), encoding="utf-8")
    return path


def _ksb(tentang: str, signed: dt.date | None, **changes) -> dict:
    ksb = data(KSB_TPA)
    ksb["tentang"] = tentang
    ksb["dasar_hukum"][1] = data(PKS_TPA)["dasar_hukum"][1]  # as amended by UU 11/2020
    ksb["penandatanganan"]["tanggal"] = signed
    if signed is None:
        del ksb["penandatanganan"]["tanggal"]
        for party in ksb["pihak"]:
            party.pop("nomor", None)
    ksb.update(changes)
    return ksb


def _unsigned(agreement: dict) -> dict:
    del agreement["penandatanganan"]["tanggal"]
    for party in agreement["pihak"]:
        party.pop("nomor", None)
    return agreement


def _inline_ksb(pks: dict, ends: dt.date) -> None:
    pks["ksb"] = {"nomor": [f"180/{i}/KSB/2023" for i in range(1, len(pks["pihak"]) + 1)],
                  "tanggal": dt.date(2023, 3, 1), "tentang": "Kerja Sama Daerah",
                  "berakhir": ends}


def _foreign(jenis: str, signed: dt.date) -> dict:
    """A PKS with a foreign regional government (KSDPL) or institution (KSDLL)."""
    pks = data(PKS_WISATA)
    pks["jenis"] = jenis
    pks["tentang"] = "Kerja Sama Kota Kembar di Bidang Kebudayaan"
    pks["penandatanganan"]["tanggal"] = signed
    pks["jangka_waktu"] = {"lama": {"tahun": 3}}
    mine, partner = pks["pihak"]
    mine["penandatangan"] = {"nama": "Dr. H. Ika Puspitasari, S.E., M.M.",
                             "jabatan": "Wali Kota Mojokerto"}
    mine["kewenangan"] = {"dasar": "jabatan"}
    partner.update(nama="Gyeongsangnam-do Provincial Government", bentuk="pemerintah_asing",
                   alamat="300 Jungang-daero, Changwon, Republic of Korea",
                   penandatangan={"nama": "Park Wan-su", "jabatan": "Governor"},
                   kewenangan={"dasar": "jabatan"})
    pks["penyelesaian_perselisihan"] = {"forum": "KONSULTASI"}
    _inline_ksb(pks, dt.date(2030, 12, 31))
    return pks


def make_register(root: Path) -> Path:
    """The test register (see the module docstring) under ``root``; returns its folder."""
    reg = root / "register"
    (reg / "tpa").mkdir(parents=True)
    for source in (KSB_TPA, PKS_TPA, FORM):
        shutil.copy(source, reg / "tpa" / source.name)
    for source in (PKS_WISATA, PKS_SPBE):
        shutil.copy(source, reg / source.name)
    for make in (_ksbs, _extension, _dprd, _foreign_cases, _ends_and_starts, _broken):
        make(reg)
    return reg


def _ksbs(reg: Path) -> None:
    """A KSB in force that no PKS follows, and one ending soon whose PKS is still a draft."""
    write(reg / "ksb-pasar.yaml", _ksb("Kerja Sama Pengelolaan Pasar Induk Regional",
                                       dt.date(2023, 1, 10)))
    write(reg / "air" / "ksb-air.yaml", _ksb("Kerja Sama Penyediaan Air Minum Regional",
                                             dt.date(2020, 9, 1)))
    pks = _unsigned(data(PKS_TPA))
    pks["tentang"] = "Penyediaan Air Minum bagi Kawasan Perbatasan"
    pks["ksb"] = {"berkas": "ksb-air.yaml"}
    pks["jangka_waktu"] = {"mulai": dt.date(2024, 1, 1), "berakhir": dt.date(2026, 12, 31)}
    for party in pks["pihak"]:
        party["unit"] = "Dinas Pekerjaan Umum dan Penataan Ruang"
    write(reg / "air" / "pks-air.yaml", pks)


def _extension(reg: Path) -> None:
    """A KSB ending soon, and the draft that extends it."""
    old = _ksb("Kerja Sama Pemeliharaan Jalan Perbatasan", dt.date(2021, 1, 15),
               jangka_waktu={"berakhir": dt.date(2025, 7, 14)})
    write(reg / "jalan" / "ksb-jalan.yaml", old)
    new = _ksb("Kerja Sama Pemeliharaan Jalan Perbatasan", None, memperpanjang="ksb-jalan.yaml",
               jangka_waktu={"mulai": dt.date(2025, 7, 15), "lama": {"tahun": 5}})
    write(reg / "jalan" / "ksb-jalan-2025.yaml", new)


def _dprd(reg: Path) -> None:
    """A PKS in force with a share outside the current APBD and no DPRD approval for it."""
    pks = data(PKS_SPBE)
    pks["tentang"] = "Pembangunan Pasar Induk Regional"
    pks["penandatanganan"]["tanggal"] = dt.date(2024, 2, 1)
    pks["jangka_waktu"] = {"mulai": dt.date(2024, 3, 1), "lama": {"tahun": 3}}
    del pks["pihak"][1]["persetujuan_dprd"]
    for party in pks["pihak"]:
        party["unit"] = "Dinas Perindustrian dan Perdagangan"
    _inline_ksb(pks, dt.date(2028, 12, 31))
    pks["evaluasi"] = [
        {"periode": "Tahun 2024", "pelaksanaan": "berjalan",
         "realisasi": "Desain teknis pasar selesai"},
        {"periode": "Semester I 2025", "pelaksanaan": "sebagian",
         "kendala": "Lahan pasar belum dibebaskan",
         "tindak_lanjut": "Rapat koordinasi dengan BPKAD",
         "batas_tindak_lanjut": dt.date(2025, 7, 15), "selesai": False}]
    write(reg / "pks-pasar-dprd.yaml", pks)


def _foreign_cases(reg: Path) -> None:
    """Foreign cooperation: without any approval, and a complete bilingual one with both."""
    pks = _foreign("KSDPL", dt.date(2024, 5, 20))
    pks["evaluasi"] = [
        {"periode": "Tahun 2024", "pelaksanaan": "tidak_berjalan",
         "kendala": "Persetujuan DPRD belum diperoleh",
         "tindak_lanjut": "Mengajukan persetujuan DPRD",
         "batas_tindak_lanjut": dt.date(2025, 12, 31)}]
    write(reg / "luar-negeri" / "pks-kota-kembar.yaml", pks)
    # the bilingual example as typed (its English texts too), signed later for a longer term
    text = FOREIGN_IA.read_text(encoding="utf-8")
    for old, new in (("  tanggal: 2024-02-19", "  tanggal: 2025-03-01"),
                     ("  mulai: 2024-03-01", "  mulai: 2025-03-01"),
                     ("  berakhir: 2025-02-28", "  berakhir: 2028-02-29"),
                     ("id: Dinas Kepemudaan dan Olahraga, Kebudayaan, dan Pariwisata",
                      "id: Dinas Kepemudaan, Olahraga, Kebudayaan dan Pariwisata")):
        assert old in text
        text = text.replace(old, new)
    (reg / "luar-negeri" / "pks-pertukaran-pelajar.yaml").write_text(text, encoding="utf-8")


def _ends_and_starts(reg: Path) -> None:
    """Terminated early; and one whose date of signing is still to come."""
    pks = data(PKS_WISATA)
    pks["tentang"] = "Pengelolaan Parkir Kawasan Wisata"
    pks["penandatanganan"]["tanggal"] = dt.date(2022, 6, 1)
    pks["diakhiri"] = {"tanggal": dt.date(2024, 12, 1),
                       "alasan": "PIHAK KEDUA dinyatakan pailit"}
    write(reg / "pks-parkir.yaml", pks)
    pks = data(PKS_WISATA)
    pks["tentang"] = "Festival Budaya Majapahit"
    pks["penandatanganan"]["tanggal"] = dt.date(2025, 9, 1)
    pks["ksb"]["berakhir"] = dt.date(2030, 12, 31)
    write(reg / "pks-festival.yaml", pks)


def _broken(reg: Path) -> None:
    """Inputs that cannot be loaded: a YAML mistake, a KSB file that is not there."""
    (reg / "rusak.yaml").write_text(BROKEN, encoding="utf-8")
    pks = data(PKS_TPA)
    pks["tentang"] = "Pengangkutan Sampah Antarwilayah"
    pks["ksb"] = {"berkas": "ksb-hilang.yaml"}
    write(reg / "pks-ksb-hilang.yaml", pks)


def bulk_register(root: Path, count: int, seed: int = 1) -> Path:
    """A register of ``count`` inputs like the test register's: KSBs, each followed by up to
    three PKS, signed at random over ten years, across twelve OPD, a few with evaluations,
    one in a hundred broken. Written from a few prepared texts, so that making it is quick."""
    rng = random.Random(seed)
    reg = root / "register"
    reg.mkdir(parents=True)
    units = ["Dinas Lingkungan Hidup", "Dinas Komunikasi dan Informatika",
             "Dinas Pekerjaan Umum dan Penataan Ruang", "Dinas Perhubungan", "Dinas Kesehatan",
             "Dinas Pendidikan", "Dinas Sosial", "Dinas Perindustrian dan Perdagangan",
             "Dinas Pariwisata", "Badan Perencanaan Pembangunan Daerah",
             "Dinas Kependudukan dan Pencatatan Sipil", "Satuan Polisi Pamong Praja"]
    ksb_text = agreement_yaml(data(KSB_TPA))
    pks_text = agreement_yaml(data(PKS_TPA))
    evaluated = pks_text + EVALUATION
    made, group = 0, 0
    while made < count:
        folder = reg / f"kelompok-{group // 100:03d}"
        folder.mkdir(exist_ok=True)
        signed = dt.date(2016, 1, 1) + dt.timedelta(days=rng.randrange(3650))
        ksb = f"ksb-{group:05d}.yaml"
        (folder / ksb).write_text(_dated(ksb_text, "2019-10-28", signed).replace(
            "tentang: Kerja Sama Pengelolaan Sampah Regional",
            f"tentang: Kerja Sama Daerah Nomor {group}"), encoding="utf-8")
        made += 1
        for n in range(min(rng.randrange(4), count - made)):
            text = evaluated if rng.random() < 0.2 else pks_text
            if rng.random() < 0.01:
                text = BROKEN
            text = text.replace("Dinas Lingkungan Hidup", rng.choice(units))
            text = text.replace("berkas: ksb-tpa-kota-kab-mojokerto.yaml", f"berkas: {ksb}")
            start = signed + dt.timedelta(days=rng.randrange(60, 900))
            end = min(_years(start, 3), _years(signed, 5))
            text = _dated(text, "2020-11-16", start)
            text = text.replace("mulai: 2021-01-01", f"mulai: {start + dt.timedelta(days=30)}")
            text = text.replace("berakhir: 2023-12-31", f"berakhir: {end.isoformat()}")
            (folder / f"pks-{group:05d}-{n}.yaml").write_text(text, encoding="utf-8")
            made += 1
        group += 1
    return reg


def _years(day: dt.date, years: int) -> dt.date:
    return day.replace(year=day.year + years, day=min(day.day, 28))


def _dated(text: str, old: str, new: dt.date) -> str:
    """``text`` with the date of signing ``old`` (2019-10-28) changed to ``new``."""
    return text.replace(f"tanggal: {old}", f"tanggal: {new.isoformat()}", 1)
