"""Message catalogue: every user-facing message in Indonesian (default) and English.

Messages are looked up by a stable code so that the code paths never carry language-specific
text. ``{name}`` placeholders are filled from the parameters of the problem being reported.
"""

from __future__ import annotations

LANGS = ("id", "en")

MESSAGES: dict[str, dict[str, str]] = {
    # --- reading files -------------------------------------------------------------------
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
        "id": "berkas bukan teks UTF-8 ({detail}). Simpan ulang sebagai UTF-8.",
        "en": "the file is not UTF-8 text ({detail}). Save it again as UTF-8.",
    },
    "file_too_large": {
        "id": "berkas terlalu besar ({size} bajt; batas {limit} bajt). Sebuah masukan perjanjian "
        "biasanya di bawah 100 KB; periksa apakah ini berkas yang benar.",
        "en": "the file is too large ({size} bytes; limit {limit} bytes). An agreement input is "
        "usually under 100 KB; check that this is the right file.",
    },
    "yaml_syntax": {
        "id": "YAML tidak valid: {detail}. Periksa indentasi (gunakan spasi, bukan tab), titik dua "
        "setelah setiap kunci, dan tanda kutip yang berpasangan.",
        "en": "invalid YAML: {detail}. Check the indentation (spaces, not tabs), the colon after "
        "every key and that quotes are paired.",
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
        "id": "nilai 'dokumen' harus PKS atau KSB, bukan '{value}'.",
        "en": "'dokumen' must be PKS or KSB, not '{value}'.",
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
    # --- model validation (pydantic error types) -------------------------------------------
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
        "id": "terlalu panjang (lebih dari {max_length} karakter). Pecah menjadi beberapa butir.",
        "en": "too long (more than {max_length} characters). Split it into several items.",
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
        "id": "harus ya/tidak (true atau false), bukan '{input}'.",
        "en": "must be yes/no (true or false), not '{input}'.",
    },
    "bool_parsing": {
        "id": "harus ya/tidak (true atau false), bukan '{input}'.",
        "en": "must be yes/no (true or false), not '{input}'.",
    },
    "date_type": {
        "id": "harus berupa tanggal dengan format TTTT-BB-HH (misalnya 2019-10-28), "
        "bukan '{input}'.",
        "en": "must be a date written YYYY-MM-DD (e.g. 2019-10-28), not '{input}'.",
    },
    "date_invalid": {
        "id": "'{input}' bukan tanggal yang ada di kalender. Periksa hari dan bulannya.",
        "en": "'{input}' is not a real calendar date. Check the day and month.",
    },
    "decimal_type": {
        "id": "harus berupa angka rupiah (misalnya 1250000 atau 1250000.50), bukan '{input}'.",
        "en": "must be an amount in rupiah (e.g. 1250000 or 1250000.50), not '{input}'.",
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
    "too_few_parties": {
        "id": "perjanjian memerlukan paling sedikit 2 pihak; ada {count}.",
        "en": "an agreement needs at least 2 parties; there are {count}.",
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
    "ksb_inline_missing": {
        "id": "KSB tanpa 'berkas' harus memuat {fields}.",
        "en": "a KSB without 'berkas' must give {fields}.",
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
    "surat_kuasa_fields": {
        "id": "kewenangan berdasarkan {dasar} memerlukan 'nomor' dan 'tanggal'.",
        "en": "authority based on {dasar} needs 'nomor' and 'tanggal'.",
    },
    "surat_kuasa_pemberi": {
        "id": "surat kuasa memerlukan 'pemberi' (misalnya 'Wali Kota Mojokerto').",
        "en": "a surat kuasa needs 'pemberi' (e.g. 'Wali Kota Mojokerto').",
    },
    "party_index": {
        "id": "nomor pihak {value} tidak ada; pihak bernomor 1 sampai {count} sesuai urutan "
        "'pihak'.",
        "en": "there is no party number {value}; parties are numbered 1 to {count} in the order "
        "of 'pihak'.",
    },
    "apbd_needs_party": {
        "id": "sumber APBD memerlukan 'pihak' (nomor pihak yang APBD-nya dipakai).",
        "en": "an APBD source needs 'pihak' (the number of the party whose APBD is used).",
    },
    "lainnya_needs_keterangan": {
        "id": "sumber LAINNYA memerlukan 'keterangan'.",
        "en": "a LAINNYA source needs 'keterangan'.",
    },
    "forum_for_jenis": {
        "id": "forum '{forum}' tidak berlaku untuk {jenis}; pilih salah satu dari: {allowed}.",
        "en": "the forum '{forum}' does not apply to {jenis}; choose one of: {allowed}.",
    },
    "forum_needs_name": {
        "id": "forum {forum} memerlukan 'nama_forum' (misalnya '{example}').",
        "en": "the forum {forum} needs 'nama_forum' (e.g. '{example}').",
    },
    "amount_not_positive": {
        "id": "jumlah harus lebih besar dari 0.",
        "en": "the amount must be greater than 0.",
    },
    "amount_too_large": {
        "id": "jumlah {input} tidak masuk akal (batas Rp{limit}). Periksa jumlah angka nolnya.",
        "en": "the amount {input} is implausible (limit Rp{limit}). Check the number of zeros.",
    },
    "penutup_rangkap": {
        "id": "jumlah rangkap asli ({rangkap}) kurang dari jumlah pihak ({parties}); setiap "
        "pihak memegang paling sedikit satu asli.",
        "en": "the number of originals ({rangkap}) is less than the number of parties "
        "({parties}); each party keeps at least one original.",
    },
    "value_error": {"id": "{detail}", "en": "{detail}"},
    "generic": {"id": "{detail}", "en": "{detail}"},
    # --- templates and rendering -----------------------------------------------------------
    "template_not_found": {
        "id": "templat '{name}' tidak ditemukan. Jalankan 'pkgen templates' untuk melihat templat "
        "bawaan, atau beri jalur berkas .docx dengan --template.",
        "en": "template '{name}' not found. Run 'pkgen templates' to list the built-in "
        "templates, or give the path of a .docx file with --template.",
    },
    "no_builtin_template": {
        "id": "tidak ada templat bawaan untuk {kind}. Beri templat sendiri dengan --template.",
        "en": "there is no built-in template for {kind}. Give your own template with --template.",
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
    "template_unknown_article": {
        "id": "judul 'Pasal {{{{ pasal.{article} }}}}' memakai pasal '{article}' yang tidak "
        "dikenal. Pasal yang dikenal: {known}.",
        "en": "the heading 'Pasal {{{{ pasal.{article} }}}}' uses the unknown article "
        "'{article}'. Known articles: {known}.",
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
    # --- reading Word files --------------------------------------------------------------------
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
    # --- forms ---------------------------------------------------------------------------------
    "form_cell": {"id": "Sheet '{sheet}', sel {cell}", "en": "Sheet '{sheet}', cell {cell}"},
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
    "form_bool": {
        "id": "pilih Ya atau Tidak, bukan '{input}'.",
        "en": "choose Ya (yes) or Tidak (no), not '{input}'.",
    },
    "imported": {
        "id": "masukan ditulis: {path}. Periksa dengan 'pkgen validate {path}'.",
        "en": "input written: {path}. Check it with 'pkgen validate {path}'.",
    },
    # --- build ---------------------------------------------------------------------------------
    "build_locked": {
        "id": "build lain sedang berjalan pada folder draf ini (proses {pid} di komputer {host}, "
        "sejak {since}). Tunggu sampai selesai, lalu jalankan lagi.",
        "en": "another build is running on this drafts folder (process {pid} on computer "
        "{host}, since {since}). Wait for it to finish, then run again.",
    },
    "manifest_invalid": {
        "id": "manifest build rusak ({detail}); disimpan sebagai .pkgen-manifest.rusak.json. "
        "Manifest dibangun ulang dari draf itu sendiri: setiap draf yang tidak disunting "
        "dikenali dari sidik isinya dan diambil alih kembali; hanya draf yang benar-benar "
        "disunting dianggap suntingan tangan. Tidak ada draf yang ditimpa atau dihapus.",
        "en": "the build manifest is damaged ({detail}); kept as .pkgen-manifest.rusak.json. "
        "The manifest was rebuilt from the drafts themselves: every draft nobody edited is "
        "recognised by its content fingerprint and adopted again; only drafts really edited "
        "count as hand-edited. No draft was replaced or deleted.",
    },
    "folder_not_writable": {
        "id": "folder draf tidak dapat ditulis ({detail}). Periksa izin folder itu (atau apakah "
        "foldernya hanya-baca), lalu jalankan lagi; tidak ada yang ditulis.",
        "en": "the drafts folder cannot be written ({detail}). Check the folder's permissions "
        "(or whether it is read-only), then run again; nothing was written.",
    },
    "disk_full": {
        "id": "disk penuh: berkas ini tidak dapat ditulis dan berkas sementaranya sudah dihapus. "
        "Kosongkan ruang disk, lalu jalankan lagi; berkas yang ada tidak berubah.",
        "en": "the disk is full: this file could not be written and its temporary file was "
        "removed. Free some disk space, then run again; the existing file is unchanged.",
    },
    "input_changing": {
        "id": "masukan ini disimpan berulang kali selama build membacanya; jalankan build lagi "
        "setelah selesai menyunting.",
        "en": "this input was saved again and again while the build read it; run the build "
        "again once it is no longer being edited.",
    },
    "build_recovered": {
        "id": "berkas yang dipindahkan oleh build yang terhenti ({draft}) disimpan di sini; "
        "periksa isinya, lalu hapus atau pakai.",
        "en": "a file moved by a build that was stopped ({draft}) is kept here; check it, then "
        "delete or use it.",
    },
    "build_worker_died": {
        "id": "proses pekerja build berhenti tiba-tiba (mungkin kehabisan memori). Tidak ada "
        "draf yang dipasang; jalankan lagi, bila perlu dengan --jobs 1.",
        "en": "a build worker process died (perhaps out of memory). No draft was installed; run "
        "again, with --jobs 1 if need be.",
    },
    "build_interrupted": {
        "id": "build dihentikan ({signal}). Setiap draf tetap versi lama atau versi baru, dan "
        "manifest sesuai dengan isi folder; jalankan build lagi untuk melanjutkan.",
        "en": "the build was stopped ({signal}). Every draft is either the old or the new "
        "version and the manifest matches the folder; run the build again to carry on.",
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
    "reason_read_only": {
        "id": "draf dibuat hanya-baca: dilindungi", "en": "the draft was made read-only: "
        "protected"},
    "reason_changed_during_build": {
        "id": "draf disimpan orang lain selama build berjalan",
        "en": "the draft was saved by someone while the build ran"},
    "reason_open_elsewhere": {
        "id": "draf sedang dibuka program lain", "en": "the draft is open in another program"},
    # --- command line ------------------------------------------------------------------------
    "ok": {"id": "OK", "en": "OK"},
    "written": {"id": "ditulis: {path}", "en": "written: {path}"},
    "skeleton_written": {
        "id": "kerangka masukan ditulis: {path}. Isi bagian yang bertanda ISI, lalu jalankan "
        "'pkgen validate {path}'.",
        "en": "input skeleton written: {path}. Fill in the parts marked ISI, then run "
        "'pkgen validate {path}'.",
    },
    "refuse_overwrite": {
        "id": "'{path}' sudah ada dan tidak ditimpa. Pilih nama lain dengan -o atau tambahkan "
        "--force.",
        "en": "'{path}' already exists and is not overwritten. Choose another name with -o or "
        "add --force.",
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
}


def message(code: str, lang: str = "id", **params: object) -> str:
    """Return the message ``code`` in ``lang`` with ``params`` filled in.

    Unknown codes fall back to the ``detail`` parameter so that no error is ever swallowed.
    """
    entry = MESSAGES.get(code)
    if entry is None:
        return str(params.get("detail", code))
    text = entry.get(lang) or entry["id"]
    try:
        return text.format(**params)
    except (KeyError, IndexError):
        return text


#: The command line's help in Indonesian, by its English text. ``pkgen --help`` shows it
#: unless PKGEN_LANG=en.
HELP_ID: dict[str, str] = {
    # commands (first line of each command's help)
    "Draft and check Indonesian regional cooperation agreements (PKS and KSB).":
        "Menyusun dan memeriksa perjanjian kerja sama daerah (PKS dan KSB).",
    "Write a commented input skeleton to fill in (or a PKS pre-filled from its KSB).":
        "Menulis kerangka masukan berkomentar untuk diisi (atau PKS yang diisi dari KSB-nya).",
    "Check input files; print what is wrong, or OK.":
        "Memeriksa berkas masukan; menampilkan yang salah, atau OK.",
    "Render input files into Word drafts.":
        "Membuat draf Word dari berkas masukan. Semua masukan diperiksa dan dirender sebelum "
        "ada yang ditulis; masukan yang belum lengkap ditolak kecuali --allow-incomplete; draf "
        "yang sudah disunting tangan tidak ditimpa kecuali --force.",
    "Check agreements (.docx drafts or input files) for the clauses the law requires.":
        "Memeriksa perjanjian (draf .docx atau berkas masukan) atas klausul yang wajib ada. "
        "Kode keluar: 0 tanpa kesalahan, 1 ada kesalahan, 2 berkas tidak dapat dibaca.",
    "Render every input of a register into a drafts folder, incrementally.":
        "Merender semua masukan dalam register ke folder draf, hanya yang berubah; draf yang "
        "disunting tangan tidak pernah ditimpa (versi baru ditulis di sampingnya).",
    "Write an Excel input form for OPD staff, blank or pre-filled.":
        "Menulis formulir Excel untuk staf OPD, kosong atau sudah terisi.",
    "Convert a filled Excel form into a commented YAML input for the register.":
        "Mengubah formulir Excel yang terisi menjadi masukan YAML berkomentar untuk register.",
    "Write the JSON Schema of input files, for editors that complete and check YAML.":
        "Menulis JSON Schema berkas masukan, untuk editor yang melengkapi dan memeriksa YAML.",
    "List the built-in templates.": "Menampilkan templat bawaan.",
    # options
    "Language of messages (Indonesian or English); also PKGEN_LANG.":
        "Bahasa pesan (Indonesia atau Inggris); juga PKGEN_LANG.",
    "Kind of cooperation.": "Jenis kerja sama.",
    "Kind of document.": "Jenis dokumen.",
    "Pre-fill a PKS from the input (YAML or form) of the KSB it follows.":
        "Isi PKS dari masukan (YAML atau formulir) KSB yang ditindaklanjutinya.",
    "File to write (default: print to stdout).": "Berkas yang ditulis (bawaan: ke layar).",
    "Replace the output file if it exists.": "Timpa berkas keluaran bila sudah ada.",
    "Output folder, or a file name ending in .docx for a single input.":
        "Folder keluaran, atau nama berkas .docx untuk satu masukan.",
    "Render with this .docx template instead of the built-in one.":
        "Render dengan templat .docx ini, bukan templat bawaan.",
    "Replace existing drafts even if they were edited since pkgen wrote them.":
        "Timpa draf yang ada walaupun sudah disunting sejak ditulis pkgen.",
    "Write drafts the checker finds incomplete, marked DRAF — BELUM LENGKAP.":
        "Tulis juga draf yang belum lengkap, bertanda DRAF — BELUM LENGKAP.",
    "Check with this rulebook instead of the built-in one.":
        "Periksa dengan rulebook ini, bukan rulebook bawaan.",
    "The KSB this PKS follows (.docx or input file): list the gap and conflicts.":
        "KSB yang ditindaklanjuti PKS ini (.docx atau masukan): tampilkan celah dan "
        "ketidaksesuaiannya.",
    "Kind of document, when its title does not say.":
        "Jenis dokumen, bila judulnya tidak menyebutkan.",
    "Use this rulebook instead of the built-in one.":
        "Gunakan rulebook ini, bukan rulebook bawaan.",
    "Output for people or for programs.": "Keluaran untuk orang atau untuk program.",
    "Write a copy of the .docx with a Word comment at each finding.":
        "Tulis salinan .docx dengan komentar Word pada setiap temuan.",
    "Replace the --annotate file if it exists.": "Timpa berkas --annotate bila sudah ada.",
    "The drafts folder.": "Folder draf.",
    "Render every input, changed or not.": "Render semua masukan, berubah atau tidak.",
    "Print the plan; write nothing.": "Tampilkan rencana; tidak menulis apa pun.",
    "Replace hand-edited drafts instead of writing beside them.":
        "Timpa draf yang disunting tangan, bukan menulis di sampingnya.",
    "Also write drafts the checker finds incomplete, marked as such.":
        "Tulis juga draf yang belum lengkap, dengan tanda belum lengkap.",
    "Worker processes.": "Jumlah proses pekerja.",
    "Render every input with this template.": "Render semua masukan dengan templat ini.",
    "Also write NAME.redline.docx: the old draft with the changes tracked.":
        "Tulis juga NAMA.redline.docx: draf lama dengan perubahan terlacak.",
    "Pre-fill the form from this input (YAML or form).":
        "Isi formulir dari masukan ini (YAML atau formulir).",
    "The .xlsx file to write.": "Berkas .xlsx yang ditulis.",
    "The YAML input file to write.": "Berkas masukan YAML yang ditulis.",
    "Show the version and exit.": "Tampilkan versi lalu keluar.",
    "Show this message and exit.": "Tampilkan bantuan ini lalu keluar.",
}
