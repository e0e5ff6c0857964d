"""The web application in a real browser: Debian's Chromium, headless, driven by Selenium
through chromedriver, against the application served by uvicorn on the loopback address.

One server and one browser for the module. The screenshots of the main pages are written to
a temporary folder, and to ``docs/gambar/`` (shown in the README) with
``PKGEN_UPDATE_SCREENSHOTS=1``.
"""

from __future__ import annotations

import io
import os
import shutil
import tempfile
import threading
import time
from pathlib import Path

import pdfplumber
import pytest
from conftest import EXAMPLES, PKS_TPA, ROOT
from docx import Document
from test_pdf_convert import needs_office
from webutil import make_register

from pkgen.inputs import load_agreement

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
pytestmark = pytest.mark.browser
WAIT = 30


def _require_browser() -> None:
    missing = [p for p in (CHROMIUM, DRIVER) if not Path(p).is_file()]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"{missing} missing in CI; .ci/run installs chromium and chromium-driver")
        pytest.skip("Chromium or chromedriver is not installed")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    import uvicorn

    from pkgen.web.app import Settings, bind, create_app

    register = make_register(tmp_path_factory.mktemp("web") / "register")
    sock = bind("127.0.0.1", 0)
    app = create_app(Settings(register))
    uv = uvicorn.Server(uvicorn.Config(app, log_level="warning", ws="none", lifespan="off"))
    thread = threading.Thread(target=uv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    for _ in range(200):
        if uv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{sock.getsockname()[1]}", register
    uv.should_exit = True
    thread.join(10)
    app.state.pkgen.previews.close()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    _require_browser()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tempfile.mkdtemp(prefix="pkgen-chromium-")
    for argument in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                     "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync",
                     "--disable-dev-shm-usage", f"--user-data-dir={profile}",
                     "--window-size=1280,1400", "--lang=id"):
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=Service(DRIVER))
    downloads = tmp_path_factory.mktemp("unduhan")
    driver.execute_cdp_cmd("Browser.setDownloadBehavior",
                           {"behavior": "allow", "downloadPath": str(downloads)})
    driver.downloads = downloads
    driver.shots = tmp_path_factory.mktemp("gambar")
    yield driver
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)


def _shot(driver, name: str, at: str | None = None) -> None:
    """A screenshot of the page (its full height, or the window from the element ``at``),
    kept for the README on request."""
    width = driver.get_window_size()["width"]
    if at is None:
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.set_window_size(width, min(max(height, 600), 2600))
    else:
        driver.execute_script("document.getElementById(arguments[0]).scrollIntoView()", at)
        time.sleep(0.2)
    path = driver.shots / f"{name}.png"
    driver.save_screenshot(str(path))
    driver.set_window_size(width, 1400)
    if os.environ.get("PKGEN_UPDATE_SCREENSHOTS"):
        shutil.copy(path, ROOT / "docs" / "gambar" / f"{name}.png")


def _until(condition, timeout: float = WAIT):
    """``condition()`` once it holds; an element missing or replaced meanwhile (a page still
    loading after a click) counts as not yet."""
    from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = condition()
        except (NoSuchElementException, StaleElementReferenceException):
            value = None
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError("timed out")


def _field(driver, key: str):
    return driver.find_element("id", f"f-{key}")


def _messages(driver, key: str) -> str:
    from selenium.common.exceptions import NoSuchElementException

    try:
        return driver.find_element("css selector", f'ul.msgs[data-for="{key}"]').text
    except NoSuchElementException:
        return ""


def _notice(driver) -> str:
    """The notice at the top of the page, or '' while the page has none (still loading)."""
    found = driver.find_elements("id", "notice")
    return found[0].text if found else ""


def _type(driver, key: str, text: str) -> None:
    element = _field(driver, key)
    element.clear()
    element.send_keys(text)


def test_fill_a_pks_from_scratch_with_mistakes(server, browser):
    from selenium.webdriver.support.ui import Select

    url, register = server
    browser.get(f"{url}/baru")
    Select(browser.find_element("id", "jenis")).select_by_visible_text("KSDPK")
    browser.find_element("id", "mulai").click()
    _until(lambda: browser.find_elements("id", "agreement"))
    _type(browser, "tentang", "Pengelolaan Parkir Tepi Jalan Umum")
    mistakes = {
        "pihak[1].penandatangan.nip": ("1970 0512", "18 digit"),
        "penandatanganan.tanggal": ("31/02/2020", "bukan tanggal yang ada di kalender"),
        "keadaan_kahar.batas_pemberitahuan_hari": ("14 hari", "harus berupa bilangan bulat"),
        "pembiayaan.jumlah": ("1,250,000", "1,250,000"),
    }
    for key, (typed, _said) in mistakes.items():
        _type(browser, key, typed)
    for key, (_typed, said) in mistakes.items():
        _until(lambda k=key, s=said: s in _messages(browser, k))
    assert "tentang belum diisi" not in _messages(browser, "tentang")
    _shot(browser, "web-isian", at="bagian-penandatanganan")

    # Corrected, each message goes; a list grows and shrinks.
    _type(browser, "pihak[1].penandatangan.nip", "19700512 199503 2 004")
    _type(browser, "penandatanganan.tanggal", "16 November 2020")
    _type(browser, "keadaan_kahar.batas_pemberitahuan_hari", "14")
    _type(browser, "pembiayaan.jumlah", "Rp1.250.000.000,00")
    for key in mistakes:
        _until(lambda k=key: "✖" not in _messages(browser, k) and not browser.find_elements(
            "css selector", f'ul.msgs[data-for="{k}"] li.problem'))
    add = browser.find_element("css selector", '[data-prefix="dasar_hukum"] > button.add')
    add.click()
    _until(lambda: browser.find_elements("id", "f-dasar_hukum[2]"))
    _type(browser, "dasar_hukum[1]", "Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan "
                                     "Daerah")
    _type(browser, "dasar_hukum[2]", "Peraturan Pemerintah Nomor 28 Tahun 2018 tentang Kerja "
                                     "Sama Daerah")
    add.click()
    _until(lambda: browser.find_elements("id", "f-dasar_hukum[3]"))
    browser.find_element("css selector", '[data-key="dasar_hukum[3]"] button.remove').click()
    _until(lambda: not browser.find_elements("id", "f-dasar_hukum[3]"))

    _type(browser, "_nama", "parkir/pks-parkir")
    browser.find_element("id", "simpan").click()
    _until(lambda: "Disimpan" in browser.find_element("id", "notice").text)
    saved = load_agreement(register / "parkir" / "pks-parkir.yaml").document
    assert saved.tentang == "Pengelolaan Parkir Tepi Jalan Umum"
    assert saved.pihak[0].penandatangan.nip == "19700512 199503 2 004"
    assert saved.penandatanganan.tanggal.isoformat() == "2020-11-16"
    assert len(saved.dasar_hukum) == 2 and saved.pembiayaan.jumlah == 1250000000


@needs_office
def test_preview_and_download_the_docx_and_pdf(server, browser):
    url, _register = server
    browser.get(f"{url}/ubah?berkas={PKS_TPA.name}")
    main = browser.current_window_handle
    browser.find_element("id", "pratinjau").click()
    _until(lambda: len(browser.window_handles) > 1)
    browser.switch_to.window(next(h for h in browser.window_handles if h != main))
    _until(lambda: len(browser.find_elements("css selector", "img.page")) >= 4, timeout=120)
    _until(lambda: browser.execute_script(
        "return [...document.images].every(i => i.complete && i.naturalWidth > 0)"))
    _shot(browser, "web-pratinjau")
    browser.find_element("id", "unduh-docx").click()
    browser.find_element("id", "unduh-pdf").click()
    docx = _until(lambda: next(browser.downloads.glob("*.docx"), None))
    pdf = _until(lambda: next(browser.downloads.glob("*.pdf"), None))
    _until(lambda: not list(browser.downloads.glob("*.crdownload")))
    text = "\n".join(p.text for p in Document(io.BytesIO(docx.read_bytes())).paragraphs)
    assert "PEMANFAATAN BERSAMA TEMPAT PEMROSESAN AKHIR" in text.upper()
    with pdfplumber.open(pdf) as document:
        assert len(document.pages) >= 4
    browser.close()
    browser.switch_to.window(main)


def test_check_a_partner_s_draft(server, browser):
    url, _register = server
    browser.get(f"{url}/periksa")
    draft = ROOT / "tests" / "corpus" / "draf-bermasalah.docx"
    browser.find_element("id", "berkas").send_keys(str(draft))
    browser.find_element("id", "unggah").click()
    _until(lambda: browser.find_elements("id", "findings"))
    assert "BELUM LENGKAP" in browser.find_element("id", "verdict").text
    assert "missing-clause" in browser.find_element("id", "findings").text
    _shot(browser, "web-periksa")
    browser.find_element("id", "catatan").click()
    annotated = _until(lambda: next(browser.downloads.glob("*-catatan.docx"), None))
    _until(lambda: not list(browser.downloads.glob("*.crdownload")))
    Document(io.BytesIO(annotated.read_bytes()))


def test_import_an_excel_form(server, browser):
    url, _register = server
    browser.get(f"{url}/impor")
    browser.find_element("id", "berkas").send_keys(str(EXAMPLES / "formulir-pks-tpa.xlsx"))
    browser.find_element("id", "unggah").click()
    _until(lambda: browser.find_elements("id", "agreement"))
    expected = load_agreement(PKS_TPA).document
    assert _field(browser, "tentang").get_attribute("value") == expected.tentang
    assert _field(browser, "_nama").get_attribute("value") == "formulir-pks-tpa.yaml"


def test_the_register_builds_and_reads_on_a_phone(server, browser):
    url, register = server
    browser.get(url + "/")
    assert "pks-tpa-kota-kab-mojokerto.yaml" in browser.find_element("id", "register").text
    browser.find_element("id", "build").click()
    _until(lambda: browser.find_element("id", "build-status").get_attribute("data-finished"),
           timeout=120)
    assert (register / "drafts" / "pks-tpa-kota-kab-mojokerto.docx").is_file()
    browser.get(url + "/")
    _shot(browser, "web-register")
    browser.set_window_size(390, 1400)
    try:
        browser.get(f"{url}/ubah?berkas={PKS_TPA.name}")
        width = browser.execute_script("return document.documentElement.scrollWidth")
        assert width <= 400  # nothing wider than the phone's screen
        _shot(browser, "web-ponsel")
    finally:
        browser.set_window_size(1280, 1400)


def test_a_foreign_agreement_is_edited_in_both_languages(server, browser):
    """The English of every text beside it; a list item added and one removed keep each
    English text with its Indonesian one; the save keeps them all."""
    url, register = server
    browser.get(f"{url}/ubah?berkas=mou-spbe-mojokerto-gyeongsangnam.yaml")
    _until(lambda: browser.find_elements("id", "agreement"))
    assert _field(browser, "tentang@en").get_attribute("value").startswith("Cooperation")
    before = load_agreement(register / "mou-spbe-mojokerto-gyeongsangnam.yaml")
    forms = before.document.bentuk_kerja_sama
    container = browser.find_element("css selector", '.list[data-key="bentuk_kerja_sama"]')
    browser.execute_script("arguments[0].scrollIntoView()", container)
    container.find_element("css selector", "button.add").click()
    n = len(forms) + 1
    _type(browser, f"bentuk_kerja_sama[{n}]", "magang pegawai")
    _type(browser, f"bentuk_kerja_sama[{n}]@en", "staff internships")
    container.find_element("css selector", ".item button.remove").click()  # the first item
    _until(lambda: _field(browser, f"bentuk_kerja_sama[{n - 1}]@en").get_attribute("value")
           == "staff internships")
    browser.find_element("id", "simpan").click()
    _until(lambda: "Disimpan" in _notice(browser))  # the page after the save has loaded
    saved = load_agreement(register / "mou-spbe-mojokerto-gyeongsangnam.yaml")
    assert saved.document.bentuk_kerja_sama == [*forms[1:], "magang pegawai"]
    assert [saved.translations.get(("bentuk_kerja_sama", i), "en") for i in range(n - 1)] == [
        *[before.translations.get(("bentuk_kerja_sama", i), "en") for i in range(1, n - 1)],
        "staff internships"]
    assert saved.translations.get(("tentang",), "en") == before.translations.get(
        ("tentang",), "en")
