"""Message catalogue: every user-facing message in Indonesian (default) and English.

Messages are looked up by a stable code so that the code paths never carry language-specific
text. ``{name}`` placeholders are filled from the parameters of the problem being reported.
"""

from __future__ import annotations

LANGS = ("id", "en")

MESSAGES: dict[str, dict[str, str]] = {
    # --- reading files ----------------------------------------------------------------------------
    "file_not_found": {
        "id": "berkas tidak ditemukan. Periksa nama dan foldernya.",
        "en": "file not found. Check its name and folder.",
    },
    "input_is_document": {
        "id": "ini dokumen, bukan masukan. Masukan adalah berkas .yaml atau formulir .xlsx; "
        "untuk memeriksa dokumen Word gunakan 'pkgen check'.",
        "en": "this is a document, not an input. Inputs are .yaml files or .xlsx forms; to check "
        "a Word document use 'pkgen check'.",
    },
    "file_not_text": {
        "id": "berkas bukan teks UTF-8 (baris ini memuat bajt yang bukan huruf). Simpan ulang "
        "sebagai teks UTF-8.",
        "en": "the file is not UTF-8 text (this line holds bytes that are not characters). "
        "Save it again as UTF-8 text.",
    },
    "file_windows_1252": {
        "id": "berkas disimpan dengan pengodean Windows-1252 (ANSI), bukan UTF-8: baris ini "
        "(«{text}») memuat huruf yang akan terbaca salah. Simpan ulang sebagai UTF-8 (Notepad: "
        "Simpan Sebagai › Pengodean: UTF-8; VS Code: klik 'Windows 1252' di bilah bawah › "
        "Save with Encoding › UTF-8).",
        "en": "the file is saved in the Windows-1252 (ANSI) encoding, not UTF-8: this line "
        "(«{text}») holds characters that would be misread. Save it again as UTF-8 (Notepad: "
        "Save As › Encoding: UTF-8; VS Code: click 'Windows 1252' in the status bar › Save with "
        "Encoding › UTF-8).",
    },
    "file_utf16": {
        "id": "berkas disimpan sebagai UTF-16 ('Unicode' di Notepad), bukan UTF-8. Simpan ulang "
        "dengan pengodean UTF-8.",
        "en": "the file is saved as UTF-16 ('Unicode' in Notepad), not UTF-8. Save it again with "
        "the UTF-8 encoding.",
    },
    "file_too_large": {
        "id": "berkas terlalu besar ({size} bajt; batas {limit} bajt). Sebuah masukan perjanjian "
        "biasanya di bawah 100 KB; periksa apakah ini berkas yang benar.",
        "en": "the file is too large ({size} bytes; limit {limit} bytes). An agreement input is "
        "usually under 100 KB; check that this is the right file.",
    },
    "yaml_syntax": {
        "id": "baris ini («{text}») tidak dapat dibaca. Periksa indentasinya (spasi, bukan tab), "
        "titik dua setelah kunci, dan tanda kutip yang berpasangan.",
        "en": "this line («{text}») cannot be read. Check its indentation (spaces, not tabs), the "
        "colon after the key and that quotes are paired.",
    },
    "yaml_colon_in_value": {
        "id": "nilai di baris ini («{text}») memuat titik dua diikuti spasi, yang dibaca YAML "
        "sebagai kunci baru. Beri tanda kutip pada seluruh nilainya, mis. "
        "tentang: \"Kerja Sama: TPA Regional\".",
        "en": "the value on this line («{text}») contains a colon followed by a space, which YAML "
        "reads as a new key. Quote the whole value, e.g. tentang: \"Kerja Sama: TPA "
        "Regional\".",
    },
    "yaml_indented_key": {
        "id": "baris ini («{text}») menjorok lebih dalam daripada kunci di atasnya, sehingga "
        "terbaca sebagai lanjutan nilai di atasnya. Sejajarkan kuncinya dengan kunci lain pada "
        "tingkat yang sama.",
        "en": "this line («{text}») is indented deeper than the key above it, so it reads as the "
        "continuation of the value above. Align the key with the other keys of its level.",
    },
    "yaml_reserved_start": {
        "id": "nilai di baris ini («{text}») diawali karakter yang dicadangkan YAML (@, ` atau %). "
        "Beri tanda kutip pada seluruh nilainya, mis. email: \"@dinas\".",
        "en": "the value on this line («{text}») starts with a character YAML reserves (@, ` or "
        "%). Quote the whole value, e.g. email: \"@dinas\".",
    },
    "yaml_alias_start": {
        "id": "nilai di baris ini («{text}») diawali * atau &, yang dibaca YAML sebagai "
        "rujukan. Beri tanda kutip pada seluruh nilainya, mis. - \"* termasuk pajak\".",
        "en": "the value on this line («{text}») starts with * or &, which YAML reads as a "
        "reference. Quote the whole value, e.g. - \"* termasuk pajak\".",
    },
    "yaml_escape": {
        "id": "di dalam tanda kutip ganda baris ini («{text}»), garis miring terbalik (\\) "
        "memulai kode khusus. Pakai tanda kutip tunggal ('…') sebagai gantinya.",
        "en": "inside the double quotes on this line («{text}»), a backslash (\\) starts an "
        "escape code. Use single quotes ('…') instead.",
    },
    "yaml_unclosed_quote": {
        "id": "tanda kutip yang dibuka di baris ini («{text}») tidak pernah ditutup. Tambahkan "
        "tanda kutip penutup di akhir nilainya.",
        "en": "the quote opened on this line («{text}») is never closed. Add the closing quote "
        "at the end of the value.",
    },
    "yaml_after_quote": {
        "id": "ada teks setelah tanda kutip penutup di baris ini («{text}»). Bila tanda kutip "
        "itu bagian dari teks, kutip seluruh nilainya dengan tanda kutip jenis lain, mis. "
        "'PT \"Maju\" Tbk'.",
        "en": "there is text after the closing quote on this line («{text}»). If the quotes are "
        "part of the text, quote the whole value with the other kind of quote, e.g. "
        "'PT \"Maju\" Tbk'.",
    },
    "yaml_block_indicator": {
        "id": "nilai di baris ini («{text}») diawali > atau |, yang dibaca YAML sebagai awal "
        "teks berbaris-baris. Beri tanda kutip pada seluruh nilainya, mis. "
        "catatan: \"> 5 tahun\".",
        "en": "the value on this line («{text}») starts with > or |, which YAML reads as the "
        "start of a multi-line text. Quote the whole value, e.g. catatan: \"> 5 tahun\".",
    },
    "yaml_missing_colon": {
        "id": "baris ini («{text}») tidak memuat titik dua setelah kuncinya, atau merupakan "
        "lanjutan teks yang indentasinya kurang. Tambahkan ':' setelah kunci, atau jorokkan "
        "lanjutannya.",
        "en": "this line («{text}») has no colon after its key, or is the continuation of a "
        "text with too little indentation. Add ':' after the key, or indent the continuation.",
    },
    "yaml_indentation": {
        "id": "indentasi baris ini («{text}») tidak cocok dengan baris di atasnya: kunci pada "
        "tingkat yang sama harus sejajar, dan butir daftar '- ' sejajar satu sama lain.",
        "en": "the indentation of this line («{text}») does not match the lines above: keys of "
        "one level must line up, and list items '- ' must line up with each other.",
    },
    "yaml_flow": {
        "id": "kurung [ ] atau {{ }} di sekitar baris ini («{text}») tidak ditutup dengan benar. "
        "Tutup kurungnya, atau beri tanda kutip pada nilai yang diawali [ atau {{.",
        "en": "the brackets [ ] or {{ }} around this line («{text}») are not closed properly. "
        "Close them, or quote a value that starts with [ or {{.",
    },
    "yaml_document": {
        "id": "berkas hanya boleh berisi satu perjanjian; hapus pemisah '---' di baris ini.",
        "en": "a file holds one agreement only; remove the '---' separator on this line.",
    },
    "yaml_complex_key": {
        "id": "kunci di baris ini bukan teks biasa. Tulis kunci sebagai satu kata, mis. 'nama:'.",
        "en": "the key on this line is not plain text. Write keys as one word, e.g. 'nama:'.",
    },
    "yaml_nbsp": {
        "id": "baris ini memuat spasi tak-putus (biasanya terbawa saat menyalin dari Word) di "
        "indentasi atau setelah ':' atau '-'. YAML tidak menganggapnya spasi: hapus lalu ketik "
        "ulang spasinya.",
        "en": "this line contains a non-breaking space (usually pasted from Word) in its "
        "indentation or after ':' or '-'. YAML does not take it for a space: delete it and "
        "type the space again.",
    },
    "yaml_inline_comment": {
        "id": "teks setelah ' #' («{comment}») dibaca YAML sebagai komentar dan tidak masuk ke "
        "draf. Bila itu bagian dari teks, beri tanda kutip pada seluruh nilainya "
        "(mis. alamat: \"Jalan Bhayangkara #12\"); bila itu komentar, pindahkan ke baris "
        "tersendiri.",
        "en": "the text after ' #' («{comment}») is read by YAML as a comment and does not reach "
        "the draft. If it is part of the text, quote the whole value (e.g. alamat: \"Jalan "
        "Bhayangkara #12\"); if it is a comment, move it to a line of its own.",
    },
    "yaml_item_in_text": {
        "id": "baris ini diawali '- ' tetapi terbaca sebagai lanjutan teks butir di baris "
        "{item_line}, karena menjorok lebih dalam. Sejajarkan tanda '-'-nya dengan butir di "
        "atasnya (atau, bila itu memang bagian dari teks, beri tanda kutip pada butir itu).",
        "en": "this line starts with '- ' but reads as the continuation of the item on line "
        "{item_line}, because it is indented deeper. Line its '-' up with the item above (or, if "
        "it is part of the text, quote that item).",
    },
    "yaml_tab": {
        "id": "karakter tab dipakai untuk indentasi. Ganti tab dengan spasi.",
        "en": "a tab character is used for indentation. Replace tabs with spaces.",
    },
    "yaml_duplicate_key": {
        "id": "kunci '{key}' ditulis dua kali (juga di baris {other_line}). Hapus salah satunya.",
        "en": "the key '{key}' appears twice (also at line {other_line}). Remove one of them.",
    },
    "yaml_alias": {
        "id": "YAML memakai alias/anchor (& dan *), yang tidak diizinkan dalam masukan pkgen. "
        "Tuliskan nilainya secara langsung.",
        "en": "the YAML uses anchors/aliases (& and *), which pkgen inputs do not allow. "
        "Write the values out.",
    },
    "yaml_not_mapping": {
        "id": "isi berkas harus berupa pemetaan kunci: nilai (misalnya 'jenis: KSDD'), "
        "bukan {found}.",
        "en": "the file must contain a mapping of key: value (e.g. 'jenis: KSDD'), not {found}.",
    },
    "dokumen_unknown": {
        "id": "'dokumen' wajib diisi dengan salah satu dari: {choices}; bukan '{value}'.",
        "en": "'dokumen' must be one of: {choices}; not '{value}'.",
    },
    "picture_not_found": {
        "id": "berkas gambar '{name}' tidak ditemukan. Letakkan gambarnya di folder berkas ini, "
        "atau tulis jalurnya relatif terhadap berkas ini.",
        "en": "the picture '{name}' is not found. Put it in this file's folder, or give its path "
        "relative to this file.",
    },
    "picture_too_large": {
        "id": "berkas gambar terlalu besar ({size} bajt; batas {limit} bajt). Perkecil gambarnya.",
        "en": "the picture is too large ({size} bytes; limit {limit} bytes). Make it smaller.",
    },
    "picture_type": {
        "id": "'{name}' bukan gambar PNG atau JPEG. Simpan lambangnya sebagai .png atau .jpg.",
        "en": "'{name}' is not a PNG or JPEG picture. Save the emblem as .png or .jpg.",
    },
    "gap_budget_year": {
        "id": "bagian yang belum dianggarkan dalam APBD tahun berjalan memerlukan tahun anggaran "
        "yang akan memuatnya (tahun_anggaran).",
        "en": "a share not yet in the current APBD needs the budget year that will hold it "
        "(tahun_anggaran).",
    },
    "form_too_large": {
        "id": "formulir terlalu besar ({size} bajt; batas {limit} bajt). Hapus gambar atau "
        "lembar tambahan yang ditempelkan, lalu simpan lagi.",
        "en": "the form is too large ({size} bytes; limit {limit} bytes). Delete pasted pictures "
        "or extra sheets and save it again.",
    },
    "ksb_file_invalid": {
        "id": "berkas KSB yang dirujuk tidak dapat dimuat (lihat kesalahan di atas).",
        "en": "the referenced KSB file cannot be loaded (see the errors above).",
    },
    "ksb_file_not_ksb": {
        "id": "berkas yang dirujuk '{path}' bukan masukan KSB (dokumen: {found}). "
        "Rujuk berkas dengan 'dokumen: KSB'.",
        "en": "the referenced file '{path}' is not a KSB input (dokumen: {found}). "
        "Point to a file with 'dokumen: KSB'.",
    },
    # --- model validation (pydantic error types) --------------------------------------------------
    "missing": {
        "id": "wajib diisi tetapi tidak ada. Tambahkan kunci ini.",
        "en": "is required but missing. Add this key.",
    },
    "extra_forbidden": {
        "id": "kunci tidak dikenal.{suggestion}{allowed}",
        "en": "unknown key.{suggestion}{allowed}",
    },
    "allowed_keys": {
        "id": " Kunci yang diizinkan di sini: {keys}.",
        "en": " Keys allowed here: {keys}.",
    },
    "type_mapping": {"id": "pemetaan kunci: nilai", "en": "a mapping"},
    "type_list": {"id": "daftar", "en": "a list"},
    "type_text": {"id": "teks", "en": "text"},
    "type_number": {"id": "angka", "en": "a number"},
    "type_bool": {"id": "ya/tidak", "en": "true/false"},
    "type_empty": {"id": "kosong", "en": "empty"},
    "did_you_mean": {
        "id": " Mungkin maksud Anda '{name}'?",
        "en": " Did you mean '{name}'?",
    },
    "empty_value": {
        "id": "belum diisi. Isi nilainya (lihat komentar pada baris ini).",
        "en": "is empty. Fill in its value (see the comment on this line).",
    },
    "string_type": {
        "id": "harus berupa teks, bukan {found}.",
        "en": "must be text, not {found}.",
    },
    "string_too_short": {
        "id": "tidak boleh kosong. Isi dengan teks.",
        "en": "must not be empty. Fill in the text.",
    },
    "string_too_long": {
        "id": "terlalu panjang: lebih dari {max_length} karakter. Periksa apakah seluruh "
        "dokumen tertempel di sini, atau pecah menjadi beberapa ayat.",
        "en": "too long: more than {max_length} characters. Check that a whole document was not "
        "pasted here, or split it into several paragraphs.",
    },
    "list_type": {
        "id": "harus berupa daftar (baris-baris yang diawali '- '), bukan {found}.",
        "en": "must be a list (lines starting with '- '), not {found}.",
    },
    "too_short": {
        "id": "harus berisi paling sedikit {min_length} butir.",
        "en": "must contain at least {min_length} items.",
    },
    "too_long": {
        "id": "berisi terlalu banyak butir (paling banyak {max_length}).",
        "en": "has too many items (at most {max_length}).",
    },
    "model_type": {
        "id": "harus berupa pemetaan kunci: nilai, bukan {found}.",
        "en": "must be a mapping of key: value, not {found}.",
    },
    "int_type": {
        "id": "harus berupa bilangan bulat, bukan {found}.",
        "en": "must be a whole number, not {found}.",
    },
    "int_parsing": {
        "id": "harus berupa bilangan bulat (misalnya 14), bukan '{input}'.",
        "en": "must be a whole number (e.g. 14), not '{input}'.",
    },
    "int_from_float": {
        "id": "harus berupa bilangan bulat tanpa pecahan, bukan {input}.",
        "en": "must be a whole number without a fraction, not {input}.",
    },
    "greater_than_equal": {
        "id": "harus paling sedikit {ge}, bukan {input}.",
        "en": "must be at least {ge}, not {input}.",
    },
    "greater_than": {
        "id": "harus lebih besar dari {gt}, bukan {input}.",
        "en": "must be greater than {gt}, not {input}.",
    },
    "less_than_equal": {
        "id": "paling banyak {le}, bukan {input}. Periksa kembali angkanya.",
        "en": "must be at most {le}, not {input}. Check the figure.",
    },
    "bool_type": {
        "id": "pilih Ya atau Tidak (atau true/false), bukan '{input}'.",
        "en": "choose Ya (yes) or Tidak (no), or true/false, not '{input}'.",
    },
    "bool_parsing": {
        "id": "pilih Ya atau Tidak (atau true/false), bukan '{input}'.",
        "en": "choose Ya (yes) or Tidak (no), or true/false, not '{input}'.",
    },
    "date_type": {
        "id": "harus berupa tanggal, mis. 2024-03-12, 12/03/2024 atau 12 Maret 2024 (hari "
        "sebelum bulan), bukan '{input}'.",
        "en": "must be a date, e.g. 2024-03-12, 12/03/2024 or 12 Maret 2024 (day before month), "
        "not '{input}'.",
    },
    "date_invalid": {
        "id": "'{input}' bukan tanggal yang ada di kalender. Periksa hari dan bulannya (hari "
        "ditulis sebelum bulan: 12/03/2024 adalah 12 Maret 2024).",
        "en": "'{input}' is not a real calendar date. Check the day and month (the day comes "
        "first: 12/03/2024 is 12 March 2024).",
    },
    "date_weekday": {
        "id": "'{input}': tanggal itu bukan hari {day}. Periksa tanggalnya, atau hapus nama "
        "harinya.",
        "en": "'{input}': that date is not a {day}. Check the date, or remove the weekday.",
    },
    "date_year": {
        "id": "tahun {year} pada '{input}' tidak masuk akal (antara {low} dan {high}). Periksa "
        "angka tahunnya.",
        "en": "the year {year} in '{input}' is implausible (expected {low} to {high}). Check the "
        "year.",
    },
    "amount_format": {
        "id": "'{input}' bukan jumlah rupiah yang terbaca pasti. Tulis angka saja (1250000000) "
        "atau dengan titik ribuan dan koma sen (Rp1.250.000.000,00).",
        "en": "'{input}' is not an amount that reads one way only. Write digits only "
        "(1250000000) or with dots for thousands and a comma for sen (Rp1.250.000.000,00).",
    },
    "amount_float": {
        "id": "jumlah {input} memiliki lebih dari 15 angka bermakna, lebih dari yang dapat "
        "disimpan sel angka Excel. Ketik jumlahnya sebagai teks, mis. Rp1.250.000.000,00.",
        "en": "the amount {input} has more than 15 significant digits, more than an Excel number "
        "cell keeps. Type the amount as text, e.g. Rp1.250.000.000,00.",
    },
    "nip_number": {
        "id": "NIP tersimpan sebagai angka ({input}), sehingga angka setelah digit ke-15 dapat "
        "berubah. Ketik NIP sebagai teks: di Excel awali dengan tanda petik ('19700512 199503 2 "
        "004) atau format selnya sebagai Teks.",
        "en": "the NIP is stored as a number ({input}), so digits past the 15th may have "
        "changed. Type the NIP as text: in Excel start it with an apostrophe ('19700512 199503 2 "
        "004) or format the cell as Text.",
    },
    "nip_length": {
        "id": "NIP '{input}' berisi {count} digit; NIP terdiri atas 18 digit, mis. 19700512 "
        "199503 2 004.",
        "en": "the NIP '{input}' has {count} digits; a NIP has 18 digits, e.g. 19700512 199503 2 "
        "004.",
    },
    "nip_invalid": {
        "id": "NIP '{input}' tidak mungkin: {part}. Periksa kembali angkanya.",
        "en": "the NIP '{input}' is impossible: {part}. Check the digits.",
    },
    "decimal_max_places": {
        "id": "paling banyak 2 angka di belakang koma (sen).",
        "en": "at most 2 decimal places (sen).",
    },
    "enum": {
        "id": "harus salah satu dari: {expected}; bukan '{input}'.",
        "en": "must be one of: {expected}; not '{input}'.",
    },
    "literal_error": {
        "id": "harus salah satu dari: {expected}; bukan '{input}'.",
        "en": "must be one of: {expected}; not '{input}'.",
    },
    "control_character": {
        "id": "berisi karakter kendali tak terlihat {char} (biasanya terbawa saat menyalin dari "
        "Word/Excel). Hapus karakter itu lalu ketik ulang teksnya.",
        "en": "contains the invisible control character {char} (usually pasted from Word/Excel). "
        "Delete it and retype the text.",
    },
    "ksb_nomor_count": {
        "id": "jumlah nomor KSB ({count}) harus sama dengan jumlah pihak ({parties}): satu nomor "
        "untuk setiap pihak, sesuai urutan 'pihak'.",
        "en": "the number of KSB numbers ({count}) must equal the number of parties ({parties}): "
        "one number per party, in the order of 'pihak'.",
    },
    "ksb_inline_or_file": {
        "id": "tulis KSB secara langsung (nomor, tanggal, tentang, berakhir) ATAU rujuk berkasnya "
        "dengan 'berkas', jangan keduanya.",
        "en": "write the KSB inline (nomor, tanggal, tentang, berakhir) OR point to its file with "
        "'berkas', not both.",
    },
    "end_before_start": {
        "id": "tanggal berakhir ({end}) sebelum tanggal mulai ({start}). Periksa kedua tanggal.",
        "en": "the end date ({end}) is before the start date ({start}). Check both dates.",
    },
    "term_end_or_length": {
        "id": "isi salah satu saja: 'berakhir' (tanggal) atau 'lama' (misalnya tahun: 3), "
        "bukan keduanya.",
        "en": "give only one of: 'berakhir' (a date) or 'lama' (e.g. tahun: 3), not both.",
    },
    "lama_empty": {
        "id": "isi 'tahun' dan/atau 'bulan' dengan angka lebih dari 0.",
        "en": "give 'tahun' and/or 'bulan' as a number greater than 0.",
    },
    "party_index": {
        "id": "nomor pihak {value} tidak ada; pihak bernomor 1 sampai {count} sesuai urutan "
        "'pihak'.",
        "en": "there is no party number {value}; parties are numbered 1 to {count} in the order "
        "of 'pihak'.",
    },
    "amount_not_positive": {
        "id": "jumlah harus lebih besar dari 0.",
        "en": "the amount must be greater than 0.",
    },
    "amount_too_large": {
        "id": "jumlah {input} tidak masuk akal (batas {limit}). Periksa jumlah angka nolnya.",
        "en": "the amount {input} is implausible (limit {limit}). Check the number of zeros.",
    },
    "penutup_rangkap": {
        "id": "jumlah rangkap asli ({rangkap}) kurang dari jumlah pihak ({parties}); setiap "
        "pihak memegang paling sedikit satu asli.",
        "en": "the number of originals ({rangkap}) is less than the number of parties "
        "({parties}); each party keeps at least one original.",
    },
    "gap_end_or_length": {
        "id": "isi tanggal berakhir (berakhir) atau lamanya (lama, mis. tahun: 3).",
        "en": "give the end date (berakhir) or the duration (lama, e.g. tahun: 3).",
    },
    "gap_apbd_party": {
        "id": "sumber APBD memerlukan nomor pihak yang APBD-nya dipakai (pihak: 1, 2, …).",
        "en": "an APBD source needs the number of the party whose APBD is used (pihak: 1, 2, …).",
    },
    "gap_other_source": {
        "id": "sumber LAINNYA memerlukan keterangan.",
        "en": "a LAINNYA source needs a description (keterangan).",
    },
    "gap_forum_name": {
        "id": "forum ini memerlukan nama, mis. Gubernur Jawa Timur atau Pengadilan Negeri "
        "Mojokerto.",
        "en": "this forum needs a name, e.g. Gubernur Jawa Timur or Pengadilan Negeri Mojokerto.",
    },
    "gap_ksb_inline": {
        "id": "KSB yang ditulis langsung memerlukan nomor setiap pihak, tanggal, judul (tentang) "
        "dan tanggal berakhirnya; atau rujuk berkasnya dengan 'berkas'.",
        "en": "a KSB written inline needs each party's number, its date, subject (tentang) and "
        "end date; or point to its file with 'berkas'.",
    },
    "value_error": {"id": "{detail}", "en": "{detail}"},
    "generic": {"id": "{detail}", "en": "{detail}"},
    # --- templates and rendering ------------------------------------------------------------------
    "template_not_found": {
        "id": "templat '{name}' tidak ditemukan. Jalankan 'pkgen templates' untuk melihat templat "
        "bawaan, atau beri jalur berkas .docx dengan --template.",
        "en": "template '{name}' not found. Run 'pkgen templates' to list the built-in "
        "templates, or give the path of a .docx file with --template.",
    },
    "no_builtin_template": {
        "id": "tidak ada templat bawaan untuk {kind}. Beri templat sendiri: {option}.",
        "en": "there is no built-in template for {kind}. Give your own template: {option}.",
    },
    "template_recorded_gone": {
        "id": "templat '{name}', yang dipakai build sebelumnya untuk {kind}, tidak ditemukan "
        "lagi. Pilih templatnya: --template {kind}=BERKAS, atau --template {kind}=bawaan "
        "untuk templat bawaan.",
        "en": "the template '{name}', which the last build used for {kind}, is gone. Choose the "
        "template: --template {kind}=FILE, or --template {kind}=builtin for the built-in one.",
    },
    "template_no_tags": {
        "id": "berkas ini tidak memuat satu pun tag {{{{ … }}}} atau {{% … %}}, jadi bukan "
        "templat: tampaknya "
        "draf atau perjanjian jadi, yang akan tercetak dengan nama dan nomor lamanya. Pakai "
        "templat bawaan ('pkgen templates') atau salinan yang disunting dari templat itu.",
        "en": "this file holds no {{{{ … }}}} or {{% … %}} tag, so it is not a template: it looks "
        "like a "
        "finished draft or agreement, which would print its old names and numbers. Use a "
        "built-in template ('pkgen templates') or an edited copy of one.",
    },
    "template_wrong_kind": {
        "id": "templat ini dibuat untuk {declared} (properti pkgen.dokumen), bukan untuk {kind}. "
        "Pilih templat untuk {kind}, atau perbaiki properti itu bila templatnya memang untuk "
        "{kind}.",
        "en": "this template is made for {declared} (property pkgen.dokumen), not for {kind}. "
        "Choose a template for {kind}, or correct the property if the template is for {kind}.",
    },
    "template_undeclared": {
        "id": "templat ini tidak menyatakan untuk dokumen apa (properti pkgen.dokumen kosong). "
        "Sebutkan jenisnya, mis. {example}.",
        "en": "this template does not say which documents it is for (no pkgen.dokumen "
        "property). Name the kind, e.g. {example}.",
    },
    "template_unused": {
        "id": "templat ini untuk {declared}, tetapi masukan yang diproses adalah {kinds}. "
        "Periksa berkas templatnya, atau sebutkan jenisnya: --template JENIS=BERKAS.",
        "en": "this template is for {declared}, but the inputs are {kinds}. Check the template "
        "file, or name the kind: --template KIND=FILE.",
    },
    "config_syntax": {
        "id": "pkgen.toml tidak dapat dibaca di baris ini. Tulis setiap templat sebagai "
        "jenis = \"jalur/berkas.docx\" di bawah [templat].",
        "en": "pkgen.toml cannot be read at this line. Write each template as "
        "kind = \"path/file.docx\" under [templat].",
    },
    "config_invalid": {
        "id": "pkgen.toml tidak dapat dibaca: {detail}.",
        "en": "pkgen.toml cannot be read: {detail}.",
    },
    "config_unknown_key": {
        "id": "bagian tidak dikenal di pkgen.toml. Bagian yang dikenal: {allowed}.",
        "en": "unknown section in pkgen.toml. Known sections: {allowed}.",
    },
    "config_template": {
        "id": "jenis dokumen tidak dikenal atau jalurnya bukan teks. Jenis yang dikenal: {kinds}.",
        "en": "unknown kind of document, or the path is not text. Known kinds: {kinds}.",
    },
    "template_unreadable": {
        "id": "templat tidak dapat dibuka sebagai dokumen Word (.docx): {detail}.",
        "en": "the template cannot be opened as a Word document (.docx): {detail}.",
    },
    "template_undefined": {
        "id": "templat memakai '{name}', yang tidak tersedia dalam data perjanjian ini{near}. "
        "Perbaiki nama variabelnya di templat (lihat README, 'Variabel templat').",
        "en": "the template uses '{name}', which this agreement's data does not provide{near}. "
        "Fix the variable name in the template (see README, 'Template variables').",
    },
    "template_syntax": {
        "id": "kesalahan sintaks Jinja di templat: {detail}{near}.",
        "en": "Jinja syntax error in the template: {detail}{near}.",
    },
    "template_error": {
        "id": "templat gagal dirender: {detail}{near}.",
        "en": "the template failed to render: {detail}{near}.",
    },
    "near_paragraph": {
        "id": ", di paragraf Word: «{text}»",
        "en": ", in the Word paragraph: «{text}»",
    },
    "template_article_twice": {
        "id": "pasal '{article}' muncul dua kali sebagai judul di templat.",
        "en": "the article '{article}' appears twice as a heading in the template.",
    },
    "output_exists_dir": {
        "id": "'{path}' adalah folder; beri nama berkas .docx atau folder keluaran.",
        "en": "'{path}' is a folder; give a .docx file name or an output folder.",
    },
    "output_name_clash": {
        "id": "dua masukan menghasilkan berkas keluaran yang sama '{name}'. Render terpisah atau "
        "ganti nama salah satu masukan.",
        "en": "two inputs produce the same output file '{name}'. Render them separately or "
        "rename one input.",
    },
    "output_docx_many": {
        "id": "keluaran berakhiran .docx hanya untuk satu masukan; untuk beberapa masukan beri "
        "nama folder.",
        "en": "an output ending in .docx is for a single input; for several inputs give a folder.",
    },
    "output_write_failed": {
        "id": "berkas tidak dapat ditulis: {detail}. Periksa izin folder dan ruang disk, dan "
        "tutup berkas itu bila sedang dibuka di Word atau Excel.",
        "en": "the file cannot be written: {detail}. Check the folder's permissions and the free "
        "disk space, and close the file if it is open in Word or Excel.",
    },
    # --- PDF with LibreOffice ---------------------------------------------------------------------
    "soffice_missing": {
        "id": "LibreOffice tidak terpasang, jadi PDF tidak dapat dibuat. Pasang LibreOffice "
        "(Debian/Ubuntu: apt-get install libreoffice-writer-nogui; Windows: libreoffice.org) "
        "sehingga perintah 'soffice' tersedia, lalu ulangi; tidak ada berkas yang ditulis.",
        "en": "LibreOffice is not installed, so no PDF can be made. Install LibreOffice "
        "(Debian/Ubuntu: apt-get install libreoffice-writer-nogui; Windows: libreoffice.org) "
        "so that the 'soffice' command is available, then try again; no file was written.",
    },
    "pdf_failed": {
        "id": "LibreOffice gagal mengubah draf menjadi PDF ({detail}). Buka draf .docx di Word "
        "atau LibreOffice dan simpan sebagai PDF dari sana.",
        "en": "LibreOffice failed to turn the draft into a PDF ({detail}). Open the .docx "
        "draft in Word or LibreOffice and save it as PDF from there.",
    },
    "pdf_timeout": {
        "id": "LibreOffice tidak selesai membuat PDF dalam {seconds} detik dan dihentikan. "
        "Tutup LibreOffice yang mungkin masih terbuka, lalu ulangi.",
        "en": "LibreOffice did not finish the PDF within {seconds} seconds and was stopped. "
        "Close any LibreOffice still open, then try again.",
    },
    "refuse_pdf": {
        "id": "'{path}' sudah ada dan bukan PDF yang dibuat pkgen (mungkin hasil pindai yang "
        "sudah ditandatangani), jadi tidak ditimpa. Pindahkan berkas itu, atau tambahkan "
        "--force untuk menimpanya.",
        "en": "'{path}' already exists and is not a PDF pkgen made (it may be a signed scan), "
        "so it is not overwritten. Move it away, or add --force to replace it.",
    },
    # --- reading Word files -----------------------------------------------------------------------
    "docx_old_doc": {
        "id": "ini berkas Word lama (.doc), bukan .docx. Buka di Word atau LibreOffice lalu simpan "
        "sebagai .docx.",
        "en": "this is an old Word file (.doc), not a .docx. Open it in Word or LibreOffice and "
        "save it as .docx.",
    },
    "docx_encrypted": {
        "id": "berkas dilindungi kata sandi (terenkripsi). Buka di Word, hapus kata sandinya "
        "(File › Info › Protect Document), simpan, lalu periksa lagi.",
        "en": "the file is password-protected (encrypted). Open it in Word, remove the password "
        "(File › Info › Protect Document), save it and check it again.",
    },
    "docx_not_zip": {
        "id": "bukan berkas Word .docx (bukan arsip ZIP). Simpan dokumen sebagai .docx.",
        "en": "not a Word .docx file (not a ZIP archive). Save the document as .docx.",
    },
    "docx_truncated": {
        "id": "berkas .docx rusak atau terpotong ({detail}). Minta salinan yang utuh atau simpan "
        "ulang dari Word.",
        "en": "the .docx file is damaged or truncated ({detail}). Ask for a complete copy or "
        "save it again from Word.",
    },
    "docx_no_document": {
        "id": "arsip tidak memuat word/document.xml, jadi bukan dokumen Word. Simpan ulang "
        "sebagai .docx.",
        "en": "the archive has no word/document.xml, so it is not a Word document. Save it "
        "again as .docx.",
    },
    "docx_too_large": {
        "id": "bagian {part} berukuran {size} bajt setelah diekstrak (batas {limit}); berkas ini "
        "tidak diperiksa.",
        "en": "the part {part} is {size} bytes uncompressed (limit {limit}); the file is not "
        "checked.",
    },
    "docx_bad_xml": {
        "id": "XML di {part} tidak dapat dibaca dengan aman ({detail}). Simpan ulang dari Word.",
        "en": "the XML in {part} cannot be read safely ({detail}). Save it again from Word.",
    },
    # --- checker: reading PDF agreements -----------------------------------------------------
    "pdf_not_pdf": {
        "id": "bukan berkas PDF yang dapat dibaca. Periksa berkasnya, atau kirim dalam bentuk "
        ".docx.",
        "en": "not a readable PDF file. Check the file, or send it as .docx.",
    },
    "pdf_encrypted": {
        "id": "PDF dilindungi kata sandi. Minta salinan tanpa kata sandi dari pengirimnya, atau "
        "buka dengan kata sandinya lalu simpan ulang tanpa kata sandi.",
        "en": "the PDF is password-protected. Ask the sender for a copy without a password, or "
        "open it with the password and save it again without one.",
    },
    "pdf_damaged": {
        "id": "PDF rusak dan tidak dapat dibaca ({detail}). Minta salinan yang utuh atau versi "
        ".docx-nya.",
        "en": "the PDF is damaged and cannot be read ({detail}). Ask for a complete copy or the "
        ".docx version.",
    },
    "pdf_no_pages": {
        "id": "PDF rusak: tidak ada halaman yang dapat dibaca. Minta salinan yang utuh atau versi "
        ".docx-nya.",
        "en": "the PDF is damaged: no page can be read. Ask for a complete copy or the .docx "
        "version.",
    },
    "pdf_no_text": {
        "id": "PDF ini tidak memuat teks (hasil pindai/gambar), jadi klausulnya tidak dapat "
        "diperiksa. Minta versi .docx atau PDF yang dibuat dari Word, atau jadikan teks dengan "
        "OCR (misalnya ocrmypdf) lalu periksa lagi.",
        "en": "this PDF holds no text (a scan or images), so its clauses cannot be checked. Ask "
        "for the .docx or a PDF saved from Word, or add a text layer with OCR (e.g. ocrmypdf) "
        "and check it again.",
    },
    "pdf_too_large": {
        "id": "PDF terlalu besar untuk diperiksa dengan aman ({part}: {size} bajt, batas "
        "{limit}); berkas ini tidak diperiksa.",
        "en": "the PDF is too large to check safely ({part}: {size} bytes, limit {limit}); the "
        "file is not checked.",
    },
    "pdf_too_many_pages": {
        "id": "PDF memuat {count} halaman (batas {limit}); perjanjian sepanjang itu tidak "
        "diperiksa. Periksa berkasnya.",
        "en": "the PDF has {count} pages (limit {limit}); an agreement that long is not checked. "
        "Check the file.",
    },
    # --- forms ------------------------------------------------------------------------------------
    "form_cell": {"id": "lembar '{sheet}', sel {cell}", "en": "sheet '{sheet}', cell {cell}"},
    "missing_cell": {
        "id": "wajib diisi tetapi kosong. Isi sel ini.",
        "en": "is required but empty. Fill in this cell.",
    },
    "form_unreadable": {
        "id": "berkas tidak dapat dibuka sebagai buku kerja Excel ({detail}). Simpan sebagai "
        ".xlsx.",
        "en": "the file cannot be opened as an Excel workbook ({detail}). Save it as .xlsx.",
    },
    "form_not_pkgen": {
        "id": "buku kerja ini bukan formulir pkgen (tidak ada lembar 'Umum'). Buat formulir "
        "dengan 'pkgen form -o formulir.xlsx'.",
        "en": "this workbook is not a pkgen form (no 'Umum' sheet). Make a form with "
        "'pkgen form -o formulir.xlsx'.",
    },
    "form_right_row": {
        "id": "baris hak/kewajiban memerlukan nomor pihak (1 sampai {count}), jenis 'hak' atau "
        "'kewajiban', dan isinya.",
        "en": "a rights/obligations row needs a party number (1 to {count}), 'hak' or "
        "'kewajiban', and its text.",
    },
    "form_phone_number": {
        "id": "nomor telepon tersimpan sebagai angka ({input}), sehingga angka 0 di depannya "
        "hilang. Ketik sebagai teks: awali dengan tanda petik ('0321 321456) atau format selnya "
        "sebagai Teks.",
        "en": "the telephone number is stored as a number ({input}), so its leading 0 is lost. "
        "Type it as text: start it with an apostrophe ('0321 321456) or format the cell as "
        "Text.",
    },
    "form_text_became_date": {
        "id": "Excel mengubah isian sel ini menjadi tanggal ({input}). Format selnya sebagai "
        "Teks lalu ketik ulang isiannya.",
        "en": "Excel turned what was typed in this cell into a date ({input}). Format the cell "
        "as Text and type it again.",
    },
    "form_long_number": {
        "id": "sel ini berisi angka panjang ({input}); Excel hanya menyimpan 15 angka pertama, "
        "sehingga sisanya mungkin berubah. Ketik sebagai teks: awali dengan tanda petik (').",
        "en": "this cell holds a long number ({input}); Excel keeps only the first 15 digits, so "
        "the rest may have changed. Type it as text: start it with an apostrophe (').",
    },
    "imported": {
        "id": "masukan ditulis: {path}. Periksa dengan 'pkgen validate {path}'.",
        "en": "input written: {path}. Check it with 'pkgen validate {path}'.",
    },
    # --- build ------------------------------------------------------------------------------------
    "build_locked": {
        "id": "build lain sedang berjalan pada folder draf ini. Tunggu sampai selesai, lalu "
        "jalankan lagi.",
        "en": "another build is running on this drafts folder. Wait for it to finish, then run "
        "again.",
    },
    "manifest_invalid": {
        "id": "manifest build rusak ({detail}). Pindahkan berkas itu (draf tidak terhapus), lalu "
        "jalankan build lagi; setiap draf yang sudah ada akan dianggap suntingan tangan.",
        "en": "the build manifest is damaged ({detail}). Move the file away (no draft is "
        "deleted) and build again; every existing draft will be treated as hand-edited.",
    },
    "template_missing_heading": {
        "id": "templat tidak memuat judul pasal untuk klausul wajib: {articles} (paragraf "
        "'Pasal {{{{ pasal.<id> }}}}').",
        "en": "the template has no article heading for the required clauses: {articles} "
        "(a paragraph 'Pasal {{{{ pasal.<id> }}}}').",
    },
    "redline_missing": {
        "id": "--redline memerlukan paket tambahan: pip install 'pkgen[redline]'.",
        "en": "--redline needs an extra package: pip install 'pkgen[redline]'.",
    },
    "redline_failed": {
        "id": "berkas perubahan terlacak tidak dapat dibuat: {detail}",
        "en": "the tracked-changes file could not be made: {detail}",
    },
    "build_name_clash": {
        "id": "{inputs} akan menjadi draf yang sama ({draft}); ganti nama salah satunya.",
        "en": "{inputs} would make the same draft ({draft}); rename one of them.",
    },
    "ksb_unfollowed": {
        "id": "KSB ini belum ditindaklanjuti PKS (tidak ada PKS di register yang merujuknya).",
        "en": "no PKS follows this KSB yet (no PKS in the register points to it).",
    },
    "building": {"id": "Merender draf", "en": "Rendering drafts"},
    "plan_title": {
        "id": "Rencana build (tidak ada yang ditulis)", "en": "Build plan (nothing written)"},
    "summary_state": {"id": "Keadaan", "en": "State"},
    "summary_count": {"id": "Jumlah", "en": "Count"},
    "state_new": {"id": "baru", "en": "new"},
    "state_stale": {"id": "diperbarui", "en": "stale"},
    "state_unchanged": {"id": "tidak berubah", "en": "unchanged"},
    "state_edited": {"id": "disunting tangan, dibiarkan", "en": "hand-edited, left alone"},
    "state_edited_stale": {
        "id": "disunting tangan; versi baru ditulis di sampingnya",
        "en": "hand-edited; the new version is written beside it",
    },
    "state_orphaned": {"id": "yatim (masukannya tidak ada)", "en": "orphaned (input gone)"},
    "state_failed": {"id": "gagal", "en": "failed"},
    "reason_input": {"id": "masukan berubah", "en": "input changed"},
    "reason_ksb": {"id": "berkas KSB berubah", "en": "KSB file changed"},
    "reason_template": {"id": "templat berubah", "en": "template changed"},
    "reason_rulebook": {"id": "rulebook berubah", "en": "rulebook changed"},
    "reason_pkgen": {"id": "versi pkgen berubah", "en": "pkgen version changed"},
    "reason_forced": {"id": "--force", "en": "--force"},
    "reason_draft_missing": {"id": "draf tidak ada", "en": "draft missing"},
    "reason_not_from_manifest": {
        "id": "berkas ini tidak ditulis pkgen", "en": "this file was not written by pkgen"},
    # --- command line -----------------------------------------------------------------------------
    "ok": {"id": "OK", "en": "OK"},
    "written": {"id": "ditulis: {path}", "en": "written: {path}"},
    "skeleton_written": {
        "id": "kerangka masukan ditulis: {path}. Isi bagian yang bertanda ISI, lalu jalankan "
        "'pkgen validate {path}'.",
        "en": "input skeleton written: {path}. Fill in the parts marked ISI, then run "
        "'pkgen validate {path}'.",
    },
    "refuse_overwrite": {
        "id": "'{path}' sudah ada dan tidak ditimpa. Pilih nama lain dengan {option}, atau "
        "tambahkan --force untuk menimpanya.",
        "en": "'{path}' already exists and is not overwritten. Choose another name with "
        "{option}, or add --force to replace it.",
    },
    "refuse_edited": {
        "id": "'{path}' telah disunting sejak ditulis pkgen, jadi tidak ditimpa. Tulis draf "
        "baru ke nama lain dengan -o, atau tambahkan --force untuk menimpanya (suntingan itu "
        "hilang).",
        "en": "'{path}' was edited since pkgen wrote it, so it is not overwritten. Write the "
        "new draft under another name with -o, or add --force to replace it (the edits are "
        "lost).",
    },
    "refuse_foreign": {
        "id": "'{path}' sudah ada dan bukan draf yang ditulis pkgen, jadi tidak ditimpa. Pilih "
        "nama lain dengan -o, atau tambahkan --force untuk menimpanya.",
        "en": "'{path}' already exists and is not a draft pkgen wrote, so it is not "
        "overwritten. Choose another name with -o, or add --force to replace it.",
    },
    "incomplete_refused": {
        "id": "{count} masukan belum lengkap (lihat temuan di atas); tidak ada draf yang ditulis. "
        "Lengkapi masukannya, atau tambahkan --allow-incomplete untuk menulis draf bertanda "
        "DRAF — BELUM LENGKAP.",
        "en": "{count} input(s) are incomplete (see the findings above); no draft was written. "
        "Complete the input, or add --allow-incomplete to write drafts marked DRAF — BELUM "
        "LENGKAP.",
    },
    "annotate_one_docx": {
        "id": "--annotate memerlukan tepat satu berkas .docx.",
        "en": "--annotate needs exactly one .docx file.",
    },
    "errors_found": {
        "id": "{count} kesalahan; tidak ada berkas yang ditulis.",
        "en": "{count} error(s); no file was written.",
    },
    # --- pkgen serve: the web application ---------------------------------------------------------
    "web_port": {
        "id": "alamat {host}:{port} tidak dapat dipakai ({detail}). Pilih port lain dengan "
        "--port, atau hentikan program yang sedang memakainya.",
        "en": "the address {host}:{port} cannot be used ({detail}). Choose another port with "
        "--port, or stop the program using it.",
    },
    "web_token_needed": {
        "id": "melayani komputer lain ({host}) memerlukan token akses. Tetapkan PKGEN_TOKEN "
        "(paling sedikit 12 karakter), atau tambahkan --new-token agar pkgen membuat dan "
        "mencetaknya; tanpa token, pkgen serve hanya melayani komputer ini (127.0.0.1).",
        "en": "serving other computers ({host}) needs an access token. Set PKGEN_TOKEN (at "
        "least 12 characters), or add --new-token to have pkgen make and print one; without a "
        "token, pkgen serve serves this computer only (127.0.0.1).",
    },
    "web_token_short": {
        "id": "PKGEN_TOKEN terlalu pendek ({length} karakter); pakai paling sedikit 12 karakter "
        "acak.",
        "en": "PKGEN_TOKEN is too short ({length} characters); use at least 12 random "
        "characters.",
    },
    "web_started": {
        "id": "pkgen melayani register {register} di {url} — tekan Ctrl+C untuk berhenti.",
        "en": "pkgen serves the register {register} at {url} — press Ctrl+C to stop.",
    },
    "web_register_made": {
        "id": "register baru dibuat: {register}",
        "en": "new register made: {register}",
    },
    "web_token_line": {
        "id": "Token akses (berikan hanya kepada pengguna di kantor): {token}",
        "en": "Access token (give it only to users in the office): {token}",
    },
    "web_bad_name": {
        "id": "nama berkas «{name}» tidak dapat dipakai. Tulis nama seperti pks-tpa.yaml atau "
        "tpa/pks-tpa.yaml: di dalam register, tanpa '..' dan tidak diawali titik.",
        "en": "the file name «{name}» cannot be used. Write a name such as pks-tpa.yaml or "
        "tpa/pks-tpa.yaml: inside the register, without '..' and not starting with a dot.",
    },
    "web_name_clash": {
        "id": "{name} dan {other} akan menjadi draf yang sama. Simpan dengan nama lain, atau "
        "pindahkan {other} dari register.",
        "en": "{name} and {other} would make the same draft. Save under another name, or move "
        "{other} out of the register.",
    },
    "web_conflict": {
        "id": "{name} sudah disimpan orang lain setelah Anda membukanya, jadi tidak ditimpa. "
        "Versi Anda aman di {kept} dan masih ada di formulir ini: simpan dengan nama lain, atau "
        "buka versi yang lebih baru dan gabungkan perubahannya.",
        "en": "{name} was saved by someone else after you opened it, so it was not "
        "overwritten. Your version is safe in {kept} and still in this form: save it under "
        "another name, or open the newer version and merge the changes.",
    },
    "web_fix_first": {
        "id": "perbaiki dulu isian yang ditandai ✖; draf dan formulir Excel dibuat dari "
        "masukan yang terbaca.",
        "en": "first correct the values marked ✖; drafts and Excel forms are made from an "
        "input that can be read.",
    },
    "web_no_file": {"id": "pilih berkas untuk diunggah.", "en": "choose a file to upload."},
    "web_upload_kind": {
        "id": "«{name}» bukan berkas yang dapat diterima di sini (menurut isinya). Yang diterima: "
        "{allowed}.",
        "en": "«{name}» is not a file accepted here (by its content). Accepted: {allowed}.",
    },
    "web_upload_mismatch": {
        "id": "«{name}» bernama seperti {named}, tetapi isinya {found}. Unggah berkas aslinya, "
        "atau beri nama yang sesuai dengan isinya.",
        "en": "«{name}» is named like {named}, but its content is {found}. Upload the original "
        "file, or give it a name that fits its content.",
    },
    "web_upload_size": {
        "id": "«{name}» terlalu besar ({size} bajt; batas {limit} bajt).",
        "en": "«{name}» is too large ({size} bytes; limit {limit} bytes).",
    },
    "web_refused_host": {
        "id": "Permintaan ditolak: server ini hanya melayani alamat komputer ini "
        "(127.0.0.1 atau localhost).",
        "en": "Request refused: this server serves this computer's address only (127.0.0.1 or "
        "localhost).",
    },
    "web_refused_origin": {
        "id": "Permintaan ditolak: datang dari situs lain.",
        "en": "Request refused: it comes from another site.",
    },
    "web_refused_size": {
        "id": "Permintaan ditolak: terlalu besar.",
        "en": "Request refused: too large.",
    },
    "web_refused_csrf": {
        "id": "Token keamanan formulir tidak cocok (halaman terlalu lama terbuka, atau dari "
        "situs lain). Kembali, muat ulang halaman, lalu ulangi; isian Anda tetap ada setelah "
        "kembali.",
        "en": "The form's security token does not match (the page was open too long, or comes "
        "from another site). Go back, reload the page and try again; your entries are still "
        "there when you go back.",
    },
    "web_saved_header": {
        "id": "Disimpan dari pkgen serve.", "en": "Saved from pkgen serve."},
    "web_app": {"id": "Perjanjian kerja sama", "en": "Cooperation agreements"},
    "web_footer": {"id": "Register: {register}", "en": "Register: {register}"},
    "web_nav_register": {"id": "Register", "en": "Register"},
    "web_nav_new": {"id": "Perjanjian baru", "en": "New agreement"},
    "web_nav_import": {"id": "Impor formulir Excel", "en": "Import an Excel form"},
    "web_nav_check": {"id": "Periksa draf mitra", "en": "Check a partner's draft"},
    "web_back": {"id": "Kembali", "en": "Back"},
    "web_problem_title": {"id": "Ada masalah", "en": "Something is wrong"},
    "web_sign_in": {"id": "Masuk", "en": "Sign in"},
    "web_sign_in_help": {
        "id": "Server ini melayani jaringan kantor. Masukkan token akses yang dicetak pkgen "
        "serve (tanyakan kepada pengelolanya).",
        "en": "This server serves the office network. Enter the access token pkgen serve "
        "printed (ask whoever runs it).",
    },
    "web_token": {"id": "Token akses", "en": "Access token"},
    "web_token_wrong": {"id": "Token salah.", "en": "Wrong token."},
    "web_register_title": {"id": "Register perjanjian", "en": "Register of agreements"},
    "web_register_lead": {
        "id": "{count} masukan, masing-masing dengan hasil pemeriksaannya.",
        "en": "{count} inputs, each with its check verdict.",
    },
    "web_register_empty": {
        "id": "Register masih kosong. Mulai dengan Perjanjian baru atau Impor formulir Excel.",
        "en": "The register is empty. Start with New agreement or Import an Excel form.",
    },
    "web_build": {"id": "Buat semua draf (build)", "en": "Build all drafts"},
    "web_build_running": {"id": "Build berjalan…", "en": "Build running…"},
    "web_build_done": {"id": "Build selesai.", "en": "Build finished."},
    "web_build_busy": {
        "id": "Build atau penyimpanan lain sedang berjalan; coba lagi sebentar lagi.",
        "en": "Another build or a save is under way; try again in a moment.",
    },
    "web_col_file": {"id": "Berkas", "en": "File"},
    "web_col_kind": {"id": "Jenis", "en": "Kind"},
    "web_col_subject": {"id": "Tentang", "en": "Subject"},
    "web_col_status": {"id": "Status", "en": "Status"},
    "web_col_alerts": {"id": "Perhatian", "en": "Alerts"},
    "web_col_draft": {"id": "Draf", "en": "Draft"},
    "web_col_level": {"id": "Tingkat", "en": "Severity"},
    "web_col_rule": {"id": "Aturan", "en": "Rule"},
    "web_col_location": {"id": "Lokasi", "en": "Location"},
    "web_col_finding": {"id": "Temuan", "en": "Finding"},
    "web_col_basis": {"id": "Dasar", "en": "Basis"},
    "web_col_clause": {"id": "Klausul", "en": "Clause"},
    "web_status_ok": {"id": "lengkap", "en": "complete"},
    "web_status_incomplete": {"id": "belum lengkap", "en": "incomplete"},
    "web_status_invalid": {"id": "tidak terbaca", "en": "unreadable"},
    "web_counts": {
        "id": "{errors} kesalahan, {warnings} peringatan",
        "en": "{errors} error(s), {warnings} warning(s)",
    },
    "web_counts_all": {
        "id": "{errors} kesalahan, {warnings} peringatan, {notes} catatan",
        "en": "{errors} error(s), {warnings} warning(s), {notes} note(s)",
    },
    "web_new_title": {"id": "Perjanjian baru", "en": "New agreement"},
    "web_new_dokumen": {"id": "Jenis dokumen", "en": "Kind of document"},
    "web_new_jenis": {"id": "Jenis kerja sama", "en": "Kind of cooperation"},
    "web_new_start": {"id": "Mulai mengisi", "en": "Start filling in"},
    "web_new_from_ksb": {
        "id": "Atau: PKS yang menindaklanjuti KSB di register",
        "en": "Or: a PKS following a KSB of the register",
    },
    "web_new_no_ksb": {"id": "Belum ada KSB di register.", "en": "No KSB in the register yet."},
    "web_fill_title": {"id": "Isi {dokumen}", "en": "Fill in a {dokumen}"},
    "web_saved": {"id": "Disimpan: {name}", "en": "Saved: {name}"},
    "web_conflict_open": {
        "id": "Buka versi {name} yang lebih baru (tab baru)",
        "en": "Open the newer version of {name} (new tab)",
    },
    "web_file_messages": {"id": "Pesan tentang berkas ini", "en": "Messages about this file"},
    "web_rest_title": {
        "id": "Isian yang tidak ada di formulir", "en": "Entries the form does not have"},
    "web_rest_help": {
        "id": "Berkas ini memuat kunci yang tidak dikenal atau nilai yang bentuknya salah. "
        "Semuanya disimpan kembali apa adanya, kecuali yang Anda tandai untuk dibuang.",
        "en": "This file holds unknown keys or values of the wrong shape. They are saved back "
        "as they are, except those you mark to discard.",
    },
    "web_rest_discard": {"id": "buang", "en": "discard"},
    "web_parts": {"id": "Bagian perjanjian", "en": "Parts of the agreement"},
    "web_general": {"id": "Umum", "en": "General"},
    "web_required": {"id": "wajib diisi", "en": "required"},
    "web_include": {"id": "sertakan", "en": "include"},
    "web_add": {"id": "Tambah butir", "en": "Add an item"},
    "web_add_item": {"id": "Tambah {what}", "en": "Add {what}"},
    "web_remove": {"id": "Hapus", "en": "Remove"},
    "web_example_date": {"id": "mis. 16/11/2020", "en": "e.g. 16/11/2020"},
    "web_example_money": {"id": "mis. Rp1.250.000.000,00", "en": "e.g. Rp1.250.000.000,00"},
    "web_example_int": {"id": "mis. 14", "en": "e.g. 14"},
    "web_example_nip": {"id": "mis. 19700512 199503 2 004", "en": "e.g. 19700512 199503 2 004"},
    "web_findings": {"id": "Temuan pemeriksaan", "en": "Findings"},
    "web_checking": {"id": "Memeriksa…", "en": "Checking…"},
    "web_no_findings": {"id": "Tidak ada temuan.", "en": "No findings."},
    "web_unreadable": {
        "id": "Isian bertanda ✖ belum terbaca; temuan di bawah memeriksa isian lainnya.",
        "en": "Values marked ✖ cannot be read yet; the findings below check the other values.",
    },
    "web_sev_error": {"id": "KESALAHAN", "en": "ERROR"},
    "web_sev_warning": {"id": "PERINGATAN", "en": "WARNING"},
    "web_sev_info": {"id": "INFO", "en": "INFO"},
    "web_file_name": {"id": "Simpan sebagai", "en": "Save as"},
    "web_save": {"id": "Simpan", "en": "Save"},
    "web_preview": {"id": "Pratinjau draf", "en": "Preview the draft"},
    "web_export_yaml": {"id": "Unduh YAML", "en": "Download YAML"},
    "web_export_xlsx": {"id": "Unduh formulir Excel", "en": "Download Excel form"},
    "web_preview_title": {"id": "Pratinjau draf", "en": "Draft preview"},
    "web_converting": {
        "id": "LibreOffice sedang membuat PDF untuk pratinjau…",
        "en": "LibreOffice is making the PDF for the preview…",
    },
    "web_page": {"id": "Halaman", "en": "Page"},
    "web_download_docx": {"id": "Unduh .docx", "en": "Download .docx"},
    "web_download_pdf": {"id": "Unduh PDF", "en": "Download PDF"},
    "web_import_title": {"id": "Impor formulir Excel", "en": "Import an Excel form"},
    "web_import_lead": {
        "id": "Unggah formulir .xlsx yang diisi OPD (atau masukan .yaml) untuk melanjutkannya di "
        "sini; simpan untuk menambahkannya ke register.",
        "en": "Upload an .xlsx form filled in by an OPD (or a .yaml input) to continue it here; "
        "save to add it to the register.",
    },
    "web_import_button": {"id": "Impor", "en": "Import"},
    "web_file": {"id": "Berkas", "en": "File"},
    "web_check_title": {"id": "Periksa draf mitra", "en": "Check a partner's draft"},
    "web_check_lead": {
        "id": "Unggah draf Word (.docx) atau PDF dari mitra: klausul yang wajib ada diperiksa, "
        "dengan dasar hukumnya dan letaknya; draf Word dapat diunduh kembali dengan komentar.",
        "en": "Upload a Word (.docx) or PDF draft from a partner: the required clauses are "
        "checked, with their legal basis and location; a Word draft comes back with comments.",
    },
    "web_check_button": {"id": "Periksa", "en": "Check"},
    "web_result_title": {"id": "Hasil pemeriksaan", "en": "Check result"},
    "web_verdict_ok": {"id": "LENGKAP", "en": "COMPLETE"},
    "web_verdict_incomplete": {"id": "BELUM LENGKAP", "en": "INCOMPLETE"},
    "web_download_annotated": {
        "id": "Unduh draf dengan komentar Word", "en": "Download the draft with Word comments"},
    "web_clauses": {"id": "Klausul", "en": "Clauses"},
    "web_clause_present": {"id": "ada", "en": "present"},
    "web_clause_missing": {"id": "tidak ada", "en": "missing"},
    "web_clause_empty": {"id": "kosong", "en": "empty"},
    "web_nearest": {"id": "bagian terdekat", "en": "nearest passage"},
    "web_check_another": {"id": "Periksa berkas lain", "en": "Check another file"},
}


def message(code: str, lang: str = "id", **params: object) -> str:
    """Return the message ``code`` in ``lang`` with ``params`` filled in.

    A parameter given in both languages (``{"id": …, "en": …}``) is shown in ``lang``.
    Unknown codes fall back to the ``detail`` parameter so that no error is ever swallowed.
    """
    entry = MESSAGES.get(code)
    if entry is None:
        return str(params.get("detail", code))
    text = entry.get(lang) or entry["id"]
    values = {key: value.get(lang, value.get("id")) if isinstance(value, dict) else value
              for key, value in params.items()}
    return text.format_map(_Filled(values))


class _Filled(dict):
    """Parameters for ``str.format_map``; one never supplied shows as '…', never as '{name}'."""

    def __missing__(self, key: str) -> str:
        return "…"
