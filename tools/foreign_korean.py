"""The Korean text of the trilingual templates for cooperation with foreign partners: its
wording, and the few places where Korean is laid out otherwise than Indonesian and English.

``tools/make_foreign_templates.py`` lays the Korean text out after the Indonesian and English
columns as a full text of its own (a successive text, as bilateral agreements in three
languages are commonly made), with the same builders: each of its wording tables takes its
Korean entry from here. The wording is a plain, literal rendering of the Indonesian text in
the register of Korean agreements (하다/한다 endings, 제N조, 제N항, 가. 나. 다.).

Three rules keep the Korean grammatical whatever the input holds:
- a value never takes a particle whose form depends on its last syllable (을/를, 이/가):
  it is followed by 의, 에, 에서, 부터, 까지, 이내 … or stands alone;
- a list is always introduced by "… 다음과 같다." and its items follow on their own lines,
  also when there is only one (Korean cannot put an arbitrary phrase inside a sentence);
- the fixed words before a particle end in a vowel (양해각서, 의향서, 약정서, 당사자, 한국어 …),
  so the particles written here (는, 를, 라 한다) are the right ones.

``{P}`` stands for the parties together ("양 당사자", or "모든 당사자" when there are more
than two): :func:`raw` and :func:`formatted` turn it into the template's tag for texts used as
they are and texts the builders fill in with ``str.format``.
"""

from __future__ import annotations

from make_templates import para, tag

from pkgen.formatting import huruf_butir


def raw(text: str) -> str:
    """A Korean text used as it is: ``{P}`` becomes the tag of the parties together."""
    return text.replace("{P}", "{{ ko.para_pihak }}")


def formatted(text: str) -> str:
    """A Korean text the builders fill in with ``str.format``: the tag's braces doubled."""
    return text.replace("{P}", "{{{{ ko.para_pihak }}}}")


#: The document's name: in full (with the short name it is called by), and short.
NOUNS = {"LOI": ("의향서", "의향서"), "KSB": ("양해각서", "양해각서"),
         "PKS": ("이행약정서(이하 “약정서”라 한다)", "약정서")}

#: Article titles by article id.
TITLES = {
    "maksud_tujuan": "취지 및 목적", "objek": "협력 대상", "ruang_lingkup": "협력 범위",
    "bentuk_kerja_sama": "협력 형태", "tindak_lanjut": "후속 조치", "sifat": "의향서의 성격",
    "pelaksanaan": "이행", "hak_kewajiban": "권리 및 의무", "pembiayaan": "비용 부담",
    "monitoring_evaluasi": "점검 및 평가", "sanksi": "제재", "jangka_waktu": "유효기간",
    "keadaan_kahar": "불가항력", "penyelesaian_perselisihan": "분쟁 해결",
    "pengakhiran": "종료", "korespondensi": "통지", "perubahan": "개정", "lain_lain": "기타",
    "bahasa": "언어", "penutup": "최종 조항",
}

KOMPARISI = (
    "{{ p.no }}.\t{% if p.bentuk in ('pemerintah_asing', 'lembaga_asing') %}"
    "**{{ p.negara }} {{ p.nama }}**(소재지: {{ p.alamat }}), 대표자 {{ p.penandatangan.jabatan }} "
    "**{{ p.penandatangan.nama_kapital }}**"
    "{% else %}**{{ p.penandatangan.nama_kapital }}**, {{ p.penandatangan.jabatan }}"
    "{% if p.penandatangan.nip %}, NIP\u00a0{{ p.penandatangan.nip }}{% endif %}, "
    "사무소 소재지 {{ p.alamat }}, "
    "{% if p.kewenangan.dasar == 'surat_kuasa' %}{{ p.kewenangan.pemberi }}의 "
    "{{ p.kewenangan.tanggal }}자 위임장 제{{ p.kewenangan.nomor }}호에 따라{% else %}"
    "그 직위에 근거하여{% endif %} {{ p.negara }} {{ p.nama }}의 명의로 그리고 이를 대표하여 "
    "행위하는 자{% if p.kuasa_penuh %}(인도네시아 외교부 장관의 {{ p.kuasa_penuh.tanggal }}자 "
    "전권위임장 제{{ p.kuasa_penuh.nomor }}호에 따름){% endif %}"
    "{% endif %}, 이하 “**{{ p.label }}**”라 한다."
)
OPENING = (
    "{{ ko.penandatanganan.hari_ini }}, {{ ko.penandatanganan.tempat }}에서 아래에 서명한 자는 "
    "다음과 같다.",
    raw("이하 {{ ko.daftar_pihak }}를 개별적으로 “**당사자**”, 공동으로 “**{P}**”라 한다."),
)
RECITALS = (raw("{P}는 먼저 다음 사항을 확인한다."),) * 2
BASIS = (
    formatted("{P}는 다음 각 호에 근거하여 이 {noun}를 작성한다."),
    "{{ ko.ksb.no }}.\t{{ ko.ksb.antara }} 간의 {{ ko.ksb.tentang }}에 관한 양해각서"
    "({{ ko.ksb.nomor_gabung }}, {{ ko.ksb.tanggal }}){{ ko.ksb.akhir }}",
    "{{ d.no }}.\t{{ d.daerah }} 지방의회(DPRD) 결정 제{{ d.nomor }}호({{ d.tanggal }})"
    "{% if d.tentang %}: {{ d.tentang }}{% endif %}{{ d.akhir }}",
    "{{ c.no }}.\t인도네시아 내무부 장관 승인 제{{ c.nomor }}호({{ c.tanggal }})"
    "{% if c.tentang %}: {{ c.tentang }}{% endif %}{{ c.akhir }}",
    "{{ c.no }}.\t인도네시아 외교부 장관 확인서 제{{ c.nomor }}호({{ c.tanggal }})"
    "{% if c.tentang %}: {{ c.tentang }}{% endif %}{{ c.akhir }}",
)
AGREED = formatted("이에 {P}는 {{{{ ko.tentang }}}}에 관한 {full}를 다음과 같이 체결한다.")

PURPOSE = ("이 {s}의 목적은 다음과 같다.",) * 2
OBJECT = "이 {s}의 협력 대상은 다음과 같다.\n{{{{ ko.objek }}}}"
SCOPE = ("이 {s}의 협력 범위는 다음과 같다.",) * 2
FORMS = ("이 {s}에 따른 협력 형태는 다음과 같다.",) * 2
FOLLOW_UP = (
    raw("{P}는 협력의 주체, 배경, 취지, 목적 및 목표, 대상, 범위, 재원 및 기간을 담은 "
        "협력계획을 수립하여 이 의향서에 대한 후속 조치를 하며, 그 협력계획은 각 당사자에게 "
        "적용되는 법령에 따라 처리한다."),
    (formatted("{P}는 또한 다음 사항을 추진한다."),) * 2,
)
NATURE = raw("이 의향서는 협력하고자 하는 {P}의 의사를 표명한 것으로서, {P}에게 법적 또는 "
             "재정적 구속력이 있는 어떠한 의무도 발생시키지 아니한다.")
IMPLEMENTATION = (
    raw("(1)\t이 양해각서는 협력 대상을 담당하는 {P}의 기관이 작성하는 이행약정서를 통하여 "
        "이행되며, 이행약정서에는 {P}의 권리와 의무, 비용 및 그 밖의 기술적 사항을 정한다."),
    "(2)\t제1항에 따른 이행약정서의 유효기간은 이 양해각서의 유효기간을 초과할 수 없다."
    "{% if tahun_anggaran_mulai %} 협력은 {{ tahun_anggaran_mulai }}회계연도에 시작한다."
    "{% endif %}",
)
RIGHTS = ("{{ hk.judul }}는 다음과 같다.",) * 2
SOURCE = ("{{ s.nama }}{% if s.jumlah %} {{ s.jumlah }}{% endif %}"
          "{% if s.rujukan %}, {{ s.rujukan }}에 따름{% endif %}"
          "{% if s.tahun %}, {{ s.tahun }}회계연도 지방예산에 편성 예정{% endif %}{{ s.akhir }}")
FUNDING = (
    "이 {s}의 이행에 따라 발생하는 비용은 다음에서 부담한다.",
    "제1항에 따른 비용의 총액은 {{{{ ko.pembiayaan.jumlah }}}} 이내로 한다.",
    "이 {s}의 이행은 {{{{ ko.pembiayaan.tidak_membebani }}}}의 지방예산(APBD)에 부담을 주지 "
    "아니한다.",
)
TERM = (
    "이 {s}는 {{% if ko.jangka_waktu.sejak_ditandatangani %}}서명한 날{{% else %}}"
    "{{{{ ko.jangka_waktu.mulai }}}}{{% endif %}}부터 {{{{ ko.jangka_waktu.berakhir }}}}까지"
    "{{% if ko.jangka_waktu.lama %}} {{{{ ko.jangka_waktu.lama }}}}간{{% endif %}} 효력을 가진다.",
    "제1항에 따른 유효기간은 {{{{ ko.ksb.berakhir }}}}에 만료되는 양해각서의 유효기간을 초과할 "
    "수 없다.",
    formatted("이 {s}는 {P}의 합의에 따라 연장할 수 있다. 연장을 원하는 당사자는 제1항에 따른 "
              "유효기간이 만료되기 {{{{ ko.jangka_waktu.perpanjangan.pemberitahuan }}}} 전까지 "
              "다른 당사자에게 그 의사를 서면으로 통보한다."),
    formatted("이 의향서는 서명한 날부터 효력을 발생하며, {P}가 양해각서에 서명할 때까지 "
              "유효하다."),
)
FORCE_MAJEURE = (
    raw("불가항력이란 {P}의 능력과 의사를 벗어난 사유로서 어느 한 당사자 또는 {P}가 이 약정서에 "
        "따른 의무를 이행할 수 없게 되는 다음의 사유를 말한다."),
    raw("불가항력이란 {P}의 능력과 의사를 벗어난 사유로서 어느 한 당사자 또는 {P}가 이 약정서에 "
        "따른 의무를 이행할 수 없게 되는 다음의 사유를 말한다."),
    "(2)\t불가항력의 영향을 받은 당사자는 불가항력이 발생한 날부터 {{ ko.keadaan_kahar.batas }} "
    "이내에 관할 기관의 확인서를 첨부하여 다른 당사자에게 서면으로 통보하여야 한다.",
    "(3)\t제2항에 따른 통보를 그 기간 내에 하지 아니한 경우에는 불가항력이 발생하지 아니한 "
    "것으로 본다.",
    ("제1항에 따른 불가항력의 효과는 다음과 같다.",) * 2,
    raw("(4)\t불가항력이 지속되는 동안 그 영향을 받은 당사자의 의무는 정지되며, {P}는 불가항력으로 "
        "인한 결과에 대하여 서로 손해배상을 청구할 수 없다."),
)
DISPUTES = formatted(
    "이 {s}의 해석 또는 이행에서 발생하는 모든 분쟁은{{% if ko.penyelesaian_perselisihan and "
    "ko.penyelesaian_perselisihan.musyawarah %}} 어느 한 당사자가 분쟁을 서면으로 통보한 날부터 "
    "{{{{ ko.penyelesaian_perselisihan.musyawarah }}}} 이내에{{% endif %}} {P} 간의 협의와 교섭을 "
    "통하여 우호적으로 해결한다.")
ENDS = ["이 {s}의 유효기간이 만료된 경우", "이 {s}의 목적이 달성된 경우",
        formatted("{P}가 이 {s}를 종료하기로 합의한 경우"),
        "어느 한 당사자가 제2항에 따른 통보로 이 {s}를 종료하는 경우"]
TERMINATION = (
    "이 {s}는 다음 각 호의 어느 하나에 해당하는 경우에 종료된다.",
    "이 {s}는 다음 각 호의 어느 하나에 해당하는 경우에 종료된다.",
    "(2)\t제{{{{ pasal.jangka_waktu }}}}조에 따른 유효기간이 만료되기 전에 이 {s}를 종료하려는 "
    "당사자는 종료 예정일 {{{{ ko.pengakhiran.pemberitahuan }}}} 전까지 다른 당사자에게 서면으로 "
    "통보하여야 한다.",
    formatted("(3)\t이 {s}의 종료는 제{{{{ pasal.hak_kewajiban }}}}조에 따른 {P}의 권리와 의무 중 "
              "아직 이행되지 아니한 것에 영향을 미치지 아니한다."),
    "(3)\t이 {s}의 종료는 이미 합의된 활동에 대하여는 그 활동이 완료될 때까지 영향을 미치지 "
    "아니한다.",
)
NOTICES = (
    "{{ k.label }}: {{ k.instansi }}, {{ k.alamat }}"
    "{% if k.untuk_perhatian %}, 수신: {{ k.untuk_perhatian }}{% endif %}"
    "{% if k.telepon %}, 전화 {{ k.telepon }}{% endif %}"
    "{% if k.email %}, 전자우편 {{ k.email }}{% endif %}{{ k.akhir }}",
    "이 약정서의 이행에 관한 모든 통지와 서신은 다음의 주소로 서면으로 한다.",
    "",
    "(2)\t제1항에 따른 주소가 변경되는 경우에는 새 주소가 효력을 발생하기 7(칠)일 전까지 다른 "
    "당사자에게 서면으로 통보하여야 한다.",
)
AMENDMENT = (
    formatted("(1)\t이 {s}에서 정하지 아니한 사항과 이 {s}의 변경은 {P}의 합의에 따라 서면 "
              "부속합의서로 정한다."),
    "(2)\t제1항에 따른 부속합의서는 이 {s}와 불가분의 일체를 이룬다.",
)
LANGUAGE = (
    "(1)\t이 {s}는 {{{{ ko.bahasa.naskah }}}}로 작성되며, 각 언어본은 동등하게 정본이다.",
    "(2)\t각 언어본 간에 해석상 차이가 있는 경우에는 {{{{ ko.bahasa.berlaku }}}}본이 우선한다.",
)
ATTESTATION = (
    "이상의 증거로, 정당한 권한을 가진 아래 서명자는 이 {s}의 첫머리에 적힌 날에 "
    "{{{{ ko.bahasa.naskah }}}}로 된 원본 {{{{ ko.penutup.rangkap }}}}부{stamp}에 서명하였다. 모든 "
    "언어본은 동등한 법적 효력을 가지며, 각 당사자는 원본을 1(일)부 이상 보관한다.")
STAMP = "{% if penutup.meterai %}(각 원본에 인지 첩부){% endif %}"
#: The signature block's lines: label, office, name (from the Korean context).
SIGNATURE = ("**{{ ko.pihak[p.no - 1].label }}**",
             "{{ ko.pihak[p.no - 1].penandatangan.jabatan_kapital }}",
             "__{{ ko.pihak[p.no - 1].penandatangan.nama_kapital }}__")
#: The Korean lines of the footer: the paraf box and the page number.
INITIALS = "가서명"
PAGES = ((" / ", "NUMPAGES"), ("쪽 중 ", "PAGE"), ("쪽", None))


# --- layout ----------------------------------------------------------------------------------


def title(cell):
    """The Korean title block: the parties (each after its country), "간의", the subject with
    "에 관한", then the document's name — the order of a Korean title."""
    tag(cell, "{%p for baris in ko.judul_pihak %}")
    para(cell, "{{ baris }}", "Judul Dokumen")
    tag(cell, "{%p endfor %}")
    para(cell, "간의", "Judul Dokumen")
    para(cell, "{{ ko.tentang_kapital }}에 관한", "Judul Dokumen")
    para(cell, "{{ ko.judul }}", "Judul Dokumen")
    para(cell, "", "Judul Dokumen")


def listed(cell, var, intro, style="Butir Pasal", number=None):
    """A Korean list: ``intro`` ("… 다음과 같다."), then its items lettered 가., 나., …; a list of
    one item has it on its own line, unlettered."""
    head = f"{number}\t" if number else ""
    para(cell, f"{head}{intro}", "Ayat" if number else "Normal", keep_next=True)
    tag(cell, f"{{%p if {var}.tunggal %}}")
    para(cell, f"{{{{ {var}.tunggal }}}}", "Butir Tunggal Ayat" if number else "Butir Tunggal")
    tag(cell, "{%p else %}")
    tag(cell, f"{{%p for b in {var}.butir %}}")
    para(cell, "{{ b.huruf }}\t{{ b.teks }}", style)
    tag(cell, "{%p endfor %}")
    tag(cell, "{%p endif %}")


def sentences(cell, text, style="Normal"):
    """A Korean sentence and the value it introduces, each in its own paragraph."""
    first, *rest = text.split("\n")
    para(cell, first, style, keep_next=bool(rest))
    for line in rest:
        para(cell, line, "Butir Tunggal")


def letter(index):
    """The letter of a list item ('가', '나', …)."""
    return huruf_butir(index, "ko")
