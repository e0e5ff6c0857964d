"""The web application without a browser: its form is the model's, its verdicts are the
command line's, saves never lose anything, and the security rules hold."""

from __future__ import annotations

import datetime as dt
import typing
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import EXAMPLE_FILES, PKS_TPA
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import BaseModel
from webutil import client, csrf_of, form_fields, make_register, post, replace_field

from pkgen.cli import main
from pkgen.inputs import load_agreement
from pkgen.model import MODELS, Ksb, Pks
from pkgen.web.fields import form_nodes, model_nodes, parse_key


def _paths(model: type[BaseModel], prefix: str = "") -> set[str]:
    """Every field path of a model, nested models included."""
    from pkgen.model.fields import inner_model

    out = set()
    for name, info in model.model_fields.items():
        path = f"{prefix}.{name}" if prefix else name
        out.add(path)
        inner = inner_model(info.annotation)
        if inner is not None:
            out |= _paths(inner, path)
    return out


def _nodes(nodes) -> dict:
    out = {}
    for node in nodes:
        out[node.path] = node
        out |= _nodes(node.children)
    return out


@pytest.mark.parametrize("dokumen", ["PKS", "KSB"])
def test_every_field_of_the_model_is_in_the_form(dokumen):
    nodes = _nodes(form_nodes(dokumen))
    assert set(nodes) == _paths(MODELS[dokumen])
    assert nodes["pihak.penandatangan.nip"].kind == "nip"
    assert nodes["penandatanganan.tanggal"].kind == "date"
    assert nodes["pembiayaan.jumlah" if dokumen == "PKS" else "pembiayaan.jumlah"].kind == "money"
    assert nodes["penutup.meterai"].choices == ("Ya", "Tidak")
    assert nodes["pihak.bentuk"].choices == typing.get_args(
        Pks.model_fields["pihak"].annotation.__args__[0].model_fields["bentuk"].annotation)
    assert nodes["tentang"].help == "Judul kerja sama."
    assert nodes["tentang"].required and not nodes["pertimbangan"].required


def test_a_new_field_of_the_model_appears_without_web_code():
    from pkgen.model import Isian, Tanggal

    class Extended(Pks):
        catatan_rapat: Isian = None
        """Catatan rapat koordinasi."""
        tanggal_rapat: Tanggal | None = None
        """Tanggal rapat."""
        cara: typing.Literal["luring", "daring"] = "luring"
        """Cara rapat."""

    nodes = _nodes(model_nodes(Extended))
    assert nodes["catatan_rapat"].help == "Catatan rapat koordinasi."
    assert nodes["tanggal_rapat"].kind == "date"
    assert nodes["cara"].choices == ("luring", "daring") and nodes["cara"].default == "luring"


@pytest.fixture
def app(tmp_path):
    register = make_register(tmp_path / "register")
    with client(register) as test_client:
        test_client.register = register
        yield test_client


def _open(app, name: str) -> tuple[str, list]:
    response = app.get("/ubah", params={"berkas": name})
    assert response.status_code == 200, response.text
    return response.text, form_fields(response.text)


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_each_example_round_trips_through_the_form(app, example, tmp_path):
    """Opened, posted back unchanged and saved: the same agreement, and no finding added."""
    html, fields = _open(app, example.name)
    assert "0 kesalahan" in html
    before = load_agreement(app.register / example.name).document
    response = post(app, "/simpan", fields)
    assert response.status_code == 303, response.text
    after = load_agreement(app.register / example.name).document
    assert after == before
    assert list((app.register / ".pkgen-web" / "riwayat").iterdir())  # the old file is kept


MOU = "mou-spbe-mojokerto-gyeongsangnam.yaml"


def test_a_foreign_agreement_shows_and_saves_each_text_in_english(app):
    """Every text of a foreign agreement has its English beside it: shown, edited, saved."""
    html, fields = _open(app, MOU)
    page = dict(fields)
    assert page["tentang@en"].startswith("Cooperation") and page["tentang"].startswith("Kerja")
    assert page["pihak[2].nama@en"] and "bentuk_kerja_sama[1]@en" in page
    assert "pihak[1].penandatangan.nip@en" not in page  # a number is the same in every language
    assert "Bahasa Inggris" in html or "bahasa Inggris" in html
    fields = replace_field(fields, "tentang@en", "A New English Title")
    fields += [("bentuk_kerja_sama[9]", "magang pegawai"),
               ("bentuk_kerja_sama[9]@en", "staff internships")]
    assert post(app, "/simpan", fields).status_code == 303
    saved = load_agreement(app.register / MOU)
    assert saved.translations.get(("tentang",), "en") == "A New English Title"
    last = len(saved.document.bentuk_kerja_sama) - 1
    assert saved.document.bentuk_kerja_sama[last] == "magang pegawai"
    assert saved.translations.get(("bentuk_kerja_sama", last), "en") == "staff internships"


def test_a_foreign_agreement_is_exported_to_an_excel_form_with_its_english(app, tmp_path):
    from pkgen.inputs import load_agreement as load

    _html, fields = _open(app, MOU)
    response = post(app, "/ekspor/xlsx", fields)
    assert response.status_code == 200, response.text[:300]
    form = tmp_path / "mou.xlsx"
    form.write_bytes(response.content)
    before, after = load(app.register / MOU), load(form)
    assert after.document == before.document
    assert after.translations.texts == before.translations.texts


def test_an_english_text_left_empty_is_a_finding_never_a_silent_blank(app):
    html, fields = _open(app, MOU)
    fields = replace_field(fields, "objek@en", "")
    verdict = post(app, "/api/periksa", fields, headers={"X-CSRF-Token": csrf_of(html)}).json()
    assert any(f["rule"] == "translation-missing" and f["key"] == "objek"
               for f in verdict["findings"]), verdict["findings"]


def test_messages_beside_fields_are_the_command_line_s(app, edited):
    html, fields = _open(app, PKS_TPA.name)
    mistakes = {"pihak[1].penandatangan.nip": "1970 0512",
                "penandatanganan.tanggal": "31/02/2020",
                "keadaan_kahar.batas_pemberitahuan_hari": "14 hari",
                "pembiayaan.sumber[1].jumlah": "1,250,000"}
    for name, value in mistakes.items():
        fields = replace_field(fields, name, value)
    verdict = post(app, "/api/periksa", fields,
                       headers={"X-CSRF-Token": csrf_of(html)}).json()
    assert not verdict["loads"]
    assert set(mistakes) <= set(verdict["fields"])
    bad = edited(PKS_TPA, "nip: \"19700512 199503 2 004\"", "nip: 1970 0512",
                 "tanggal: 2020-11-16", "tanggal: 31/02/2020",
                 "batas_pemberitahuan_hari: 14", "batas_pemberitahuan_hari: 14 hari")
    cli = CliRunner().invoke(main, ["validate", str(bad)]).output
    for name in ("pihak[1].penandatangan.nip", "penandatanganan.tanggal",
                 "keadaan_kahar.batas_pemberitahuan_hari"):
        text = verdict["fields"][name][0]["text"]
        assert text in cli, (text, cli)
    assert "1,250,000" in verdict["fields"]["pembiayaan.sumber[1].jumlah"][0]["text"]
    # The rest of the agreement is still checked: a finding of the checker is there.
    assert verdict["findings"] or verdict["counts"]["error"] == 4


def test_a_save_never_overwrites_a_newer_one(app):
    html, fields = _open(app, PKS_TPA.name)
    target = app.register / PKS_TPA.name
    someone = target.read_text(encoding="utf-8").replace(
        "Pemanfaatan Bersama", "Pemanfaatan Bersama (versi rekan)")
    target.write_text(someone, encoding="utf-8")
    mine = replace_field(fields, "tentang", "Judul versi saya")
    response = post(app, "/simpan", mine)
    assert response.status_code == 409
    assert "versi rekan" in target.read_text(encoding="utf-8")  # theirs untouched
    kept = list((app.register / ".pkgen-web" / "konflik").iterdir())
    assert len(kept) == 1 and "Judul versi saya" in kept[0].read_text(encoding="utf-8")
    assert "Judul versi saya" in response.text  # still in the form
    assert 'id="conflict"' in response.text


def test_a_new_file_is_saved_and_never_replaces_one_of_the_same_name(app):
    html = app.get("/isi", params={"dokumen": "PKS", "jenis": "KSDPK"}).text
    fields = replace_field(form_fields(html), "tentang", "Kerja Sama Parkir")
    fields = replace_field(fields, "_nama", "parkir/pks-parkir")
    assert post(app, "/simpan", fields).status_code == 303
    saved = app.register / "parkir" / "pks-parkir.yaml"
    assert load_agreement(saved).document.tentang == "Kerja Sama Parkir"
    again = replace_field(fields, "tentang", "Lain")
    assert post(app, "/simpan", again).status_code == 409
    assert load_agreement(saved).document.tentang == "Kerja Sama Parkir"


@pytest.mark.parametrize("name", ["../luar", "/../../etc/x", ".tersembunyi", "a/../../b",
                                  "drafts/x", ".pkgen-web/x"])
def test_names_that_would_leave_the_register_are_refused(app, name, tmp_path):
    html = app.get("/isi", params={"dokumen": "PKS", "jenis": "KSDD"}).text
    fields = replace_field(form_fields(html), "_nama", name)
    response = post(app, "/simpan", fields)
    assert response.status_code == 422
    outside = {p for p in tmp_path.rglob("*") if app.register not in p.parents}
    assert outside == {app.register}


def test_reserved_and_unsafe_names_are_made_safe(app):
    register = app.app.state.pkgen.register
    assert register.name_for("CON") == "_CON.yaml"
    assert register.name_for('a:b*c?.yaml') == "a_b_c_.yaml"
    assert register.name_for("tpa/pks.yml") == "tpa/pks.yaml"


def test_csrf_origin_and_host_are_enforced(app):
    html, fields = _open(app, PKS_TPA.name)
    no_token = [(k, v) for k, v in fields if k != "_csrf"]
    assert post(app, "/simpan", no_token).status_code == 403
    app.cookies.clear()  # another browser: the token is not its session's
    assert post(app, "/simpan", fields).status_code == 403
    app.get("/")
    assert post(app, "/api/periksa", fields, headers={
        "Origin": "http://evil.example"}).status_code == 403
    assert app.get("/", headers={"Host": "evil.example"}).status_code == 421


def test_bodies_past_the_limit_are_refused(tmp_path):
    with client(make_register(tmp_path / "r"), max_body=50_000) as small:
        html = small.get("/periksa").text
        response = small.post("/periksa", data={"_csrf": csrf_of(html)},
                              files={"berkas": ("besar.docx", b"x" * 60_000)})
        assert response.status_code == 413


def test_another_computer_needs_the_token(tmp_path):
    token = "rahasia-kantor-123"
    with client(make_register(tmp_path / "r"), token=token, loopback=False) as remote:
        assert remote.get("/").headers["location"] == "/masuk"
        page = remote.get("/masuk")
        wrong = remote.post("/masuk", data={"_csrf": csrf_of(page.text), "token": "salah"})
        assert wrong.status_code == 403
        response = remote.get("/", params={"token": token})
        assert response.status_code == 303 and response.headers["location"] == "/"
        assert remote.get("/").status_code == 200


def test_serve_refuses_another_address_without_a_token(tmp_path, monkeypatch):
    monkeypatch.delenv("PKGEN_TOKEN", raising=False)
    result = CliRunner().invoke(main, ["serve", str(tmp_path), "--host", "0.0.0.0"])
    assert result.exit_code == 2
    assert "memerlukan token akses" in result.output
    monkeypatch.setenv("PKGEN_TOKEN", "pendek")
    result = CliRunner().invoke(main, ["serve", str(tmp_path), "--host", "0.0.0.0"])
    assert result.exit_code == 2 and "terlalu pendek" in result.output


def test_register_rows_carry_the_verdicts(app, edited):
    (app.register / "rusak.yaml").write_text("dokumen: PKS\njenis: KSDD\npihak: [\n")
    (app.register / "kurang.yaml").write_text(
        PKS_TPA.read_text(encoding="utf-8").split("keadaan_kahar:")[0], encoding="utf-8")
    from pkgen.web.register import register_rows

    state = app.app.state.pkgen
    rows = {r.name: r for r in register_rows(state.register, state.book, "id", state.rows)}
    assert rows[PKS_TPA.name].status == "ok"
    assert rows["kurang.yaml"].status == "incomplete" and rows["kurang.yaml"].errors
    assert rows["rusak.yaml"].status == "invalid" and "kurung" in rows["rusak.yaml"].alerts[0]
    page = app.get("/").text
    assert "tidak terbaca" in page and "belum lengkap" in page


def test_unfollowed_ksb_is_an_alert(tmp_path):
    register = make_register(tmp_path / "r", examples=False)
    ksb = next(p for p in EXAMPLE_FILES if p.name.startswith("ksb-"))
    (register / ksb.name).write_bytes(ksb.read_bytes())
    with client(register) as app:  # signed in 2019 for five years: ended, nothing to follow
        page = app.get("/").text
        assert "belum ditindaklanjuti PKS" not in page and ">berakhir<" in page
    signed = f"tanggal: {dt.date.today().year - 1}-10-28"
    (register / ksb.name).write_text(ksb.read_text().replace("tanggal: 2019-10-28", signed))
    with client(register) as app:  # in force, and no PKS follows it
        page = app.get("/").text
        assert "KSB belum ditindaklanjuti PKS: " in page and ">berlaku<" in page


def test_build_runs_from_the_page(app):
    import time

    html = app.get("/").text
    assert app.post("/build", data={"_csrf": csrf_of(html)}).status_code == 303
    for _ in range(1200):  # two minutes at most, on a loaded machine
        job = app.get("/build/status").json()
        if not job["running"]:
            break
        time.sleep(0.1)
    assert job["error"] is None and job["done"] == job["total"] == len(EXAMPLE_FILES)
    assert (app.register / "drafts" / "pks-tpa-kota-kab-mojokerto.docx").is_file()
    assert "/draf/pks-tpa-kota-kab-mojokerto.docx" in app.get("/").text
    assert app.get("/draf/pks-tpa-kota-kab-mojokerto.docx").content[:2] == b"PK"
    assert app.get("/draf/../pks-tpa-kota-kab-mojokerto.yaml").status_code == 404


def test_import_an_excel_form(app, tmp_path):
    form = Path(__file__).parent.parent / "examples" / "formulir-pks-tpa.xlsx"
    html = app.get("/impor").text
    response = app.post("/impor", data={"_csrf": csrf_of(html)},
                        files={"berkas": ("formulir-pks-tpa.xlsx", form.read_bytes())})
    assert response.status_code == 200, response.text
    fields = dict(form_fields(response.text))
    assert fields["tentang"] == load_agreement(PKS_TPA).document.tentang
    assert fields["_nama"] == "formulir-pks-tpa.yaml"
    assert not list((app.register / ".pkgen-web" / "unggahan").iterdir())


def test_export_yaml_and_excel(app):
    from pkgen.forms import read_form

    html, fields = _open(app, PKS_TPA.name)
    yaml = post(app, "/ekspor/yaml", fields)
    assert 'filename="pks-tpa-kota-kab-mojokerto.yaml"' in yaml.headers["content-disposition"]
    exported = app.register / "ekspor.yaml"
    exported.write_bytes(yaml.content)
    assert load_agreement(exported).document == load_agreement(PKS_TPA).document
    xlsx = post(app, "/ekspor/xlsx", fields)
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"
    data, _cells, problems = read_form(Path("x.xlsx"), xlsx.content)
    assert not problems and data["tentang"] == load_agreement(PKS_TPA).document.tentang


def test_english_interface(app):
    html = app.get("/").text
    response = app.post("/bahasa", data={"_csrf": csrf_of(html), "bahasa": "en",
                                         "kembali": "/"})
    assert response.status_code == 303
    assert "Register of agreements" in app.get("/").text


def test_key_paths_parse_as_messages_write_them():
    assert parse_key("pihak[2].penandatangan.nip") == ("pihak", 1, "penandatangan", "nip")
    assert parse_key("pihak[0]") is None and parse_key("a b") is None


def test_ksb_form_has_no_pks_parts():
    names = {n.name for n in form_nodes("KSB")}
    assert "keadaan_kahar" not in names and "bentuk_kerja_sama" in names
    assert names == set(Ksb.model_fields)


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_form_items_are_what_the_page_posts(app, example):
    from pkgen.web.fields import form_items, from_form, split
    from pkgen.yamlread import parse_yaml

    data = parse_yaml(example.read_bytes(), example).data
    nodes = form_nodes(data["dokumen"])
    shown, _rest = split(data, nodes)
    assert from_form(form_items(shown), nodes) == shown
    _html, fields = _open(app, example.name)
    page = dict(fields)
    for name, value in form_items(shown):  # the page shows every value as it posts it
        assert page.get(name) == value, name


@settings(max_examples=200, deadline=None)
@given(st.text(st.characters(blacklist_categories=("Cs",)), max_size=60) | st.lists(
    st.sampled_from(["a", " ", "\n", "\t", ":", "-", "#", "'", '"', "\u00a0", "\u202f",
                     "\u2028", "\x85", "\ufeff"]), max_size=6).map("".join))
def test_what_is_checked_and_saved_reads_back_as_typed(text):
    """The scratch YAML the live check reads and the YAML a save writes both give back the
    text as typed, whatever it holds (Word's non-breaking spaces after a colon included)."""
    from pkgen.web.editing import input_yaml, scratch_yaml
    from pkgen.web.fields import prune
    from pkgen.yamlread import parse_yaml

    data = prune({"dokumen": "PKS", "jenis": "KSDD", "tentang": text, "dasar_hukum": [text]})
    quick = parse_yaml(scratch_yaml(data).encode("utf-8"), Path("a.yaml")).data
    saved = parse_yaml(input_yaml(data, None, ["catatan"]), Path("a.yaml")).data
    assert quick == saved == data


def test_a_restart_keeps_pages_working_and_clears_what_was_half_done(tmp_path):
    register = make_register(tmp_path / "register")
    with client(register) as first:
        html, fields = _open(first, PKS_TPA.name)
        cookies = dict(first.cookies)
    (register / ".pkgen-periksa-0123.yaml").write_text("dokumen: PKS\n")  # a check cut short
    (register / ".pkgen-web" / "unggahan" / "x").mkdir(parents=True)  # an upload cut short
    with client(register) as second:  # the same browser, after the server restarted
        second.cookies.update(cookies)
        assert post(second, "/simpan", fields).status_code == 303
        assert not list(register.glob(".pkgen-periksa-*"))
        assert not (register / ".pkgen-web" / "unggahan").exists()


def test_a_build_waits_for_a_save(app):
    html = app.get("/").text
    register = app.app.state.pkgen.register
    with register.lock:  # a save under way
        response = app.post("/build", data={"_csrf": csrf_of(html)})
    assert response.headers["location"] == "/?build=sibuk"
    assert "coba lagi" in app.get("/?build=sibuk").text


def test_a_save_waits_for_a_build_running_in_a_terminal(app):
    import threading
    import time

    from pkgen.build.store import locked

    html, fields = _open(app, PKS_TPA.name)
    fields = replace_field(fields, "tentang", "Disimpan setelah build")
    drafts = app.register / "drafts"
    drafts.mkdir(exist_ok=True)
    results = []
    with locked(drafts):  # `pkgen build` holds the register's lock
        saver = threading.Thread(target=lambda: results.append(post(app, "/simpan", fields)))
        saver.start()
        time.sleep(0.5)
        assert saver.is_alive() and "Disimpan setelah build" not in (
            app.register / PKS_TPA.name).read_text(encoding="utf-8")
    saver.join(30)
    assert results[0].status_code == 303
    assert load_agreement(app.register / PKS_TPA.name).document.tentang == \
        "Disimpan setelah build"


def _deref(schema: dict, node: dict) -> dict:
    """``node`` with its $ref followed and a nullable anyOf reduced to its other branch."""
    while "$ref" in node or "anyOf" in node:
        rest = {k: v for k, v in node.items() if k not in ("$ref", "anyOf")}
        if "$ref" in node:
            node = {**schema["$defs"][node["$ref"].split("/")[-1]], **rest}
        else:
            node = {**next(a for a in node["anyOf"] if a.get("type") != "null"), **rest}
    return node


def _schema_property(schema: dict, definition: dict, path: list[str]) -> dict:
    """The JSON Schema of the field at ``path`` inside ``definition``."""
    node = definition
    for part in path:
        node = _deref(schema, node)
        if node.get("type") == "array":  # a list of parties, sources …: into its items
            node = _deref(schema, node["items"])
        node = node["properties"][part]
    return _deref(schema, node)


@pytest.mark.parametrize("dokumen", ["PKS", "KSB"])
def test_help_and_choices_are_the_json_schema_s(dokumen):
    from pkgen.schema import input_schema

    schema = input_schema()
    root = schema["$defs"][dokumen.capitalize()]
    for path, node in _nodes(form_nodes(dokumen)).items():
        prop = _schema_property(schema, root, path.split("."))
        assert " ".join(prop.get("description", "").split()) == node.help, path
        if node.kind == "choice":
            assert tuple(prop.get("enum") or [prop["const"]]) == node.choices, path


@pytest.mark.parametrize(("query", "expected"), [
    ({"dokumen": "KSB", "jenis": "KSDPL"}, 'name="bentuk_kerja_sama[1]"'),
    ({"ksb": "ksb-tpa-kota-kab-mojokerto.yaml"}, "pks-tpa-kota-kab-mojokerto.yaml"),
])
def test_new_agreements_start_blank_or_from_a_ksb(app, query, expected):
    response = app.get("/isi", params=query)
    assert response.status_code == 200 and expected in response.text
    if "ksb" in query:  # pre-filled as `pkgen new --from-ksb`: the KSB's parties and subject
        fields = dict(form_fields(response.text))
        assert fields["ksb.berkas"] == "ksb-tpa-kota-kab-mojokerto.yaml"
        assert fields["pihak[2].nama"] == "Pemerintah Kabupaten Mojokerto"
        assert "/isi?ksb=ksb-tpa-kota-kab-mojokerto.yaml" in app.get("/baru").text


def test_the_form_in_english(app):
    html = app.get("/").text
    app.post("/bahasa", data={"_csrf": csrf_of(html), "bahasa": "en", "kembali": "/"})
    page, fields = _open(app, PKS_TPA.name)
    assert "Fill in a PKS" in page and "0 error(s)" in page
    fields = replace_field(fields, "penandatanganan.tanggal", "31/02/2020")
    verdict = post(app, "/api/periksa", fields, headers={"X-CSRF-Token": csrf_of(page)}).json()
    text = verdict["fields"]["penandatanganan.tanggal"][0]["text"]
    assert text == "'31/02/2020' is not a real calendar date. Check the day and month (the day "\
        "comes first: 12/03/2024 is 12 March 2024)."


def test_text_pasted_from_word_is_checked_and_saved_as_typed(app):
    """A non-breaking space after a colon (YAML's trap when typed in a file) is plain text in
    the form: no trap reported, and the saved file holds it."""
    html, fields = _open(app, PKS_TPA.name)
    title = "Pemanfaatan TPA Nomor:\u00a0180/45 \u2028baris\x85"
    fields = replace_field(fields, "tentang", title)
    verdict = post(app, "/api/periksa", fields, headers={"X-CSRF-Token": csrf_of(html)}).json()
    assert "tentang" in verdict["fields"]  # only the control character NEL is refused …
    assert "U+0085" in verdict["fields"]["tentang"][0]["text"]
    fields = replace_field(fields, "tentang", title.replace("\x85", ""))
    assert post(app, "/simpan", fields).status_code == 303
    saved = load_agreement(app.register / PKS_TPA.name).document  # … and the rest is kept
    assert saved.tentang == "Pemanfaatan TPA Nomor:\u00a0180/45 \u2028baris"


def test_an_article_added_to_the_model_is_in_the_form(app):
    """The confidentiality article came with the model, the templates and the rulebook alone."""
    nodes = {n.name: n for n in form_nodes("PKS")}
    assert nodes["kerahasiaan"].kind == "list" and nodes["kerahasiaan"].help
    assert 'name="kerahasiaan[1]"' in app.get("/isi", params={"dokumen": "PKS"}).text


def test_one_renderer_serves_every_thread():
    """Users preview at once: the shared renderer gives each the draft a lone render gives."""
    from concurrent.futures import ThreadPoolExecutor

    from pkgen.checks import load_rulebook
    from pkgen.drafts import produce
    from pkgen.web.editing import SharedRenderer

    book, shared = load_rulebook(None), SharedRenderer(prepared=True)
    examples = [p for p in EXAMPLE_FILES if p.name.startswith("pks-")]
    alone = {p: produce(p, book).draft.properties["pkgen.text_sha256"] for p in examples}
    with ThreadPoolExecutor(4) as pool:
        together = list(pool.map(lambda p: (p, produce(p, book, renderer=shared).draft),
                                 examples * 8))
    assert all(d.properties["pkgen.text_sha256"] == alone[p] for p, d in together)
