#!/usr/bin/python3
"""The town hall's web view in a real browser (issue 19).

Debian's headless Chromium, driven by Debian's chromium-driver and
python3-selenium (nothing downloads a browser), against a real sync-server
on 127.0.0.1 over HTTPS with a certificate made here, whose first centre
holds the demo centre's year of history synced from a real terminal
database. A caseworker logs in, opens the centre, a trainee and the
absences to act on, marks one handled, downloads both reports and logs out;
every page is photographed at 1366x768 (a municipal PC) and 820x1180 (a
tablet) into SCREENSHOT_DIR, for a person to look at. Then the access log
must hold every look. Beside that walk: the walls between centres, the
lockout and its lifting, the end of an idle session, names with markup,
and the security headers of the real replies.

usage: web_browser_test.py BUILD_DIR SCREENSHOT_DIR
"""
import http.client
import json
import os
import re
import socket
import ssl
import subprocess
import sys
import tempfile
import time
import unittest

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.common.exceptions import NoAlertPresentException, StaleElementReferenceException, WebDriverException
from selenium.webdriver.support.ui import WebDriverWait

BUILD = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.getcwd()
SHOTS = os.path.abspath(sys.argv[2]) if len(sys.argv) > 2 else os.path.join(BUILD, "screenshots", "web")
PASSWORD = "korrekt hest batteri"
SIZES = {"pc": (1366, 768), "tablet": (820, 1180)}
# A day as a person reads it on the pages: "9. juli 2026", "9 July 2026"; ISO only in attributes.
MONTHS = {"da": "januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december",
          "en": "January|February|March|April|May|June|July|August|September|October|November|December"}
WORDED = {"da": re.compile(r"^\d{1,2}\. (" + MONTHS["da"] + r") \d{4}$"),
          "en": re.compile(r"^\d{1,2} (" + MONTHS["en"] + r") \d{4}$")}
ISO_DAY = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
# A name as a hostile or careless hand might type it: it must come out as text.
MARKUP_NAME = "<script>alert(1)</script> <b>x</b>"


def run(*args, stdin=""):
    r = subprocess.run(list(args), input=stdin, capture_output=True, text=True)
    if r.returncode != 0:
        raise AssertionError(f"{args[0]} {args[1]} failed: {r.stderr}")
    return r.stdout


def server_cli(*args, stdin=""):
    return run(os.path.join(BUILD, "sync-server"), *args, stdin=stdin)


def floor_cli(*args):
    return run(os.path.join(BUILD, "floor-terminal"), *args)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def last_line(text):
    return text.strip().splitlines()[-1]


class Server:
    """One sync-server process serving `db` on a free loopback port."""

    def __init__(self, db, cert, key, log_path, *extra):
        self.port = free_port()
        self.url = f"https://127.0.0.1:{self.port}"
        self.log = open(log_path, "w")
        self.proc = subprocess.Popen([os.path.join(BUILD, "sync-server"), "--db", db, "--listen",
                                      f"127.0.0.1:{self.port}", "--cert", cert, "--key", key, *extra],
                                     stdout=subprocess.PIPE, stderr=self.log, text=True)
        line = self.proc.stdout.readline()  # "listening on ..." once it accepts connections
        if "listening" not in line:
            raise AssertionError("sync-server did not start: " + line)

    def stop(self):
        self.proc.terminate()
        self.proc.wait()
        self.proc.stdout.close()
        self.log.close()


class Centre:
    """A served database: Ikast with the demo centre's history, Brande with a
    trainee whose name is markup (both anna's), Herning that anna may not
    see, the caseworker anna and a second caseworker, bo, for the lockout."""

    def __init__(self, tmp):
        self.tmp = tmp
        self.cert, key = os.path.join(tmp, "cert.pem"), os.path.join(tmp, "key.pem")
        run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
            "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", self.cert)
        self.key = key
        self.db = os.path.join(tmp, "server.db")
        self.centre = last_line(server_cli("add-centre", "--db", self.db, "--name", "Træningscenter Ikast"))
        self.brande = last_line(server_cli("add-centre", "--db", self.db, "--name", "Træningscenter Brande"))
        self.herning = last_line(server_cli("add-centre", "--db", self.db, "--name", "Træningscenter Herning"))
        self.marked = last_line(server_cli("add-referral", "--db", self.db, "--centre", self.brande,
                                           "--name", MARKUP_NAME))
        self.other = last_line(server_cli("add-referral", "--db", self.db, "--centre", self.herning,
                                          "--name", "Bodil Bruun"))
        self.main = Server(self.db, self.cert, key, os.path.join(tmp, "server.log"))
        self.url = self.main.url
        terminal = os.path.join(tmp, "terminal.db")
        floor_cli("seed-demo", "--db", terminal)
        code = last_line(server_cli("add-terminal", "--db", self.db, "--centre", self.centre, "--name", "Gulv 1"))
        floor_cli("join", "--db", terminal, "--server", self.url, "--ca", self.cert, "--code", code)
        floor_cli("sync", "--db", terminal)
        floor_cli("sync", "--db", terminal)
        server_cli("add-user", "--db", self.db, "--name", "anna", "--role", "caseworker", "--centre", self.centre,
                   "--centre", self.brande, stdin=PASSWORD + "\n")
        server_cli("add-user", "--db", self.db, "--name", "bo", "--role", "caseworker", "--centre", self.centre,
                   stdin=PASSWORD + "\n")

    def sibling(self, name, *extra):
        """A second process on the same database, with settings of its own."""
        return Server(self.db, self.cert, self.key, os.path.join(self.tmp, name + ".log"), *extra)

    def stop(self):
        self.main.stop()

    def access_log(self, *filters):
        return json.loads(server_cli("access-log", "--db", self.db, *filters, "--json"))


def browser(downloads):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--lang=da-DK", "--hide-scrollbars",
                # The certificate is the test's own, for 127.0.0.1; nothing else is visited.
                "--ignore-certificate-errors", "--font-render-hinting=none"):
        options.add_argument(arg)
    options.add_experimental_option("prefs", {"download.default_directory": downloads,
                                              "download.prompt_for_download": False,
                                              "plugins.always_open_pdf_externally": True})
    service = Service(executable_path="/usr/bin/chromedriver")
    return webdriver.Chrome(options=options, service=service)


def follow(driver, element):
    """Clicks a link or a form's button and waits until the next page has replaced this one
    (a click returns before a POST's redirect has loaded). The bound is for a hang only."""
    old = driver.find_element(By.TAG_NAME, "html")
    element.click()

    def replaced(_):
        try:
            old.is_enabled()
            return False
        except WebDriverException as e:
            # Stale: selenium's own word, or chromedriver's newer "does not belong to the document".
            if isinstance(e, StaleElementReferenceException) or "does not belong to the document" in str(e):
                return True
            raise

    WebDriverWait(driver, 120).until(replaced)
    WebDriverWait(driver, 120).until(lambda d: d.execute_script("return document.readyState") == "complete")


class WebViewInChromium(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="ft-browser-")
        cls.server = Centre(cls.tmp)
        os.makedirs(SHOTS, exist_ok=True)

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def shoot(self, driver, name, lang="da"):
        """NAME-LANG-WxH.png beside the kiosk's SCREEN-LANG-WxH.png (docs/screenshots.md)."""
        for w, h in SIZES.values():
            driver.set_window_size(w, h)
            # The visible part, as a person at that screen first sees it.
            driver.save_screenshot(os.path.join(SHOTS, f"{name}-{lang}-{w}x{h}.png"))
            # And the whole page, to look for what is cut off further down.
            height = driver.execute_script("return document.documentElement.scrollHeight")
            driver.set_window_size(w, min(max(h, height), 6000))
            driver.save_screenshot(os.path.join(SHOTS, f"{name}-{lang}-{w}x{h}-full.png"))
        driver.set_window_size(*SIZES["pc"])

    def assert_days_worded(self, d, lang):
        """Every <time> on the page says its day in words, its datetime the ISO day; no ISO day is shown."""
        times = d.find_elements(By.CSS_SELECTOR, "main time")
        self.assertGreater(len(times), 0)
        for t in times:
            self.assertRegex(t.text, WORDED[lang])
            self.assertRegex(t.get_attribute("datetime"), r"^\d{4}-\d{2}-\d{2}$")
        self.assertIsNone(ISO_DAY.search(d.find_element(By.TAG_NAME, "main").text))

    def wait_for_file(self, folder, suffix):
        for _ in range(200):  # a download finishes in well under a second; this only waits for it
            done = [f for f in os.listdir(folder) if f.endswith(suffix)]
            if done:
                return os.path.join(folder, done[0])
            time.sleep(0.05)
        self.fail(f"no {suffix} was downloaded")

    def log_in(self, d, user, password, url=None):
        d.get((url or self.server.url) + "/login")
        d.find_element(By.ID, "username").send_keys(user)
        d.find_element(By.ID, "password").send_keys(password)
        follow(d, d.find_element(By.CSS_SELECTOR, "form.login button"))

    def test_a_caseworker_follows_up_and_every_look_is_logged(self):
        downloads = os.path.join(self.tmp, "downloads")
        os.makedirs(downloads)
        d = browser(downloads)
        try:
            d.set_window_size(*SIZES["pc"])
            d.get(self.server.url + "/centres/" + self.server.centre)
            self.assertTrue(d.current_url.endswith("/login"), "a page without a session goes to the login form")
            self.shoot(d, "login")
            d.find_element(By.ID, "username").send_keys("anna")
            d.find_element(By.ID, "password").send_keys(PASSWORD)
            follow(d, d.find_element(By.CSS_SELECTOR, "form.login button"))
            self.assertIn("Træningscenter Ikast", d.page_source)
            self.shoot(d, "index")

            follow(d, d.find_element(By.LINK_TEXT, "Træningscenter Ikast"))
            self.assertIn("Pladser", d.page_source)
            self.shoot(d, "centre")
            first = d.find_element(By.CSS_SELECTOR, "table.trainees th[scope=row] a")
            name = first.text
            follow(d, first)
            self.assertEqual(d.find_element(By.TAG_NAME, "h1").text, name)
            self.assertGreaterEqual(len(d.find_elements(By.CSS_SELECTOR, "svg.chart")), 1)
            self.assert_days_worded(d, "da")
            self.shoot(d, "trainee")
            trainee = d.current_url.rsplit("/", 1)[1]

            d.find_element(By.PARTIAL_LINK_TEXT, "(PDF)").click()
            pdf = self.wait_for_file(downloads, ".pdf")
            with open(pdf, "rb") as f:
                self.assertEqual(f.read(5), b"%PDF-")

            follow(d, d.find_element(By.CSS_SELECTOR, "p.back a"))
            d.find_element(By.PARTIAL_LINK_TEXT, "(CSV)").click()
            csv = self.wait_for_file(downloads, ".csv")
            with open(csv, encoding="utf-8-sig") as f:
                self.assertIn(name, f.read())

            follow(d, d.find_element(By.PARTIAL_LINK_TEXT, "Fravær at handle på"))
            self.assert_days_worded(d, "da")
            self.shoot(d, "absences")
            before = len(d.find_elements(By.CSS_SELECTOR, "table.absences form"))
            self.assertGreater(before, 0)
            follow(d, d.find_element(By.CSS_SELECTOR, "table.absences form button"))
            self.assertEqual(len(d.find_elements(By.CSS_SELECTOR, "table.absences form")), before - 1)
            self.assertIn("Håndteret af anna", d.page_source)
            # The trainee's calendar flags the day too, and says so in words.
            handled = d.find_elements(By.CSS_SELECTOR, "table.absences")[-1]
            follow(d, handled.find_element(By.CSS_SELECTOR, "th[scope=row] a"))
            words = d.find_element(By.CSS_SELECTOR, "svg[aria-labelledby^='calendar-'] desc").get_attribute("textContent")
            self.assertIn("Håndteret af en sagsbehandler: 1", words)
            self.shoot(d, "trainee-calendar")
            # The same pages in English word their days in English.
            follow(d, d.find_element(By.CSS_SELECTOR, "form[action='/language'] button"))
            self.assertEqual(d.find_element(By.TAG_NAME, "html").get_attribute("lang"), "en")
            self.assert_days_worded(d, "en")
            self.shoot(d, "trainee", "en")
            follow(d, d.find_element(By.CSS_SELECTOR, "p.back a"))
            self.shoot(d, "centre", "en")
            follow(d, d.find_element(By.CSS_SELECTOR, "a[href$='/absences']"))
            self.assert_days_worded(d, "en")
            self.shoot(d, "absences", "en")
            follow(d, d.find_element(By.CSS_SELECTOR, "form[action='/language'] button"))
            follow(d, d.find_element(By.CSS_SELECTOR, "p.back a"))

            follow(d, d.find_element(By.CSS_SELECTOR, "form[action='/logout'] button"))
            self.assertIn("/login", d.current_url)
            self.shoot(d, "logged-out")
            d.get(self.server.url + "/trainees/" + trainee)
            self.assertIn("/login", d.current_url, "after logout the pages are closed")
        finally:
            d.quit()

        log = self.server.access_log("--user", "anna")
        actions = [row["action"] for row in log]
        for action in ("login", "view_centre", "view_trainee", "export_pdf", "export_csv", "view_absences",
                       "mark_absence_handled", "logout"):
            self.assertIn(action, actions)
        self.assertIn(trainee, [row["person"] for row in log if row["action"] == "view_trainee"])

    def test_a_caseworker_approves_an_internship_on_the_trainee_page(self):
        """The demo's placements await the jobcentre on the server (its stand-in approvals are the
        terminal's, which the server refuses): a caseworker approves one on the trainee's page,
        first beyond the basis' limit (refused, in Danish, naming it), then within it."""
        status = json.loads(server_cli("status", "--db", self.server.db, "--json"))
        awaiting = [t["id"] for c in status["centres"] for t in c["trainees"]
                    if t.get("internship") and t["internship"]["approved_weeks"] is None]
        self.assertTrue(awaiting, "the demo has placements awaiting the jobcentre")
        d = browser(os.path.join(self.tmp, "approval-downloads"))
        try:
            d.set_window_size(*SIZES["pc"])
            d.get(self.server.url + "/login")
            d.find_element(By.ID, "username").send_keys("anna")
            d.find_element(By.ID, "password").send_keys(PASSWORD)
            follow(d, d.find_element(By.CSS_SELECTOR, "form.login button"))
            d.get(self.server.url + "/trainees/" + awaiting[0] + "#internship")
            self.assertIn("Ikke godkendt endnu", d.page_source)
            d.find_element(By.ID, "basis-lab61-13w").click()
            d.find_element(By.ID, "weeks").send_keys("14")
            self.shoot(d, "approval-form")
            follow(d, d.find_element(By.CSS_SELECTOR, "form.approval button"))
            self.assertIn("højst 13 uger i alt", d.find_element(By.CSS_SELECTOR, ".error-summary").text)
            self.shoot(d, "approval-refused")
            weeks = d.find_element(By.ID, "weeks")
            weeks.clear()
            weeks.send_keys("13")
            follow(d, d.find_element(By.CSS_SELECTOR, "form.approval button"))
            self.assertIn("13 uger i alt", d.find_element(By.ID, "internship").text)
            d.get(d.current_url.split("#")[0] + "#internship")
            self.shoot(d, "approval-approved")
            follow(d, d.find_element(By.CSS_SELECTOR, "form[action='/language'] button"))
            d.get(d.current_url.split("#")[0] + "#internship")
            self.assertIn("Approved by the jobcentre", d.find_element(By.ID, "internship").text)
            self.shoot(d, "approval-approved", "en")
        finally:
            d.quit()
        self.assertIn("approve_internship", [row["action"] for row in self.server.access_log("--person", awaiting[0])])


    def test_another_centres_pages_and_reports_are_refused_not_shown(self):
        downloads = os.path.join(self.tmp, "walls")
        os.makedirs(downloads)
        d = browser(downloads)
        try:
            self.log_in(d, "anna", PASSWORD)
            self.assertNotIn("Træningscenter Herning", d.page_source)
            other = self.server.other
            for path in (f"/centres/{self.server.herning}", f"/trainees/{other}", f"/trainees/{other}/report.pdf",
                         f"/centres/{self.server.herning}/report.csv", f"/centres/{self.server.herning}/absences"):
                d.get(self.server.url + path)
                page = d.page_source
                self.assertTrue("Du har ikke adgang" in page or "Siden findes ikke" in page, path)
                self.assertNotIn("Bodil", page, path)
                self.assertNotIn("Herning", d.find_element(By.TAG_NAME, "main").text, path)
            self.shoot(d, "refused")
            time.sleep(0.5)  # a download, had one started, would have landed by now
            self.assertEqual(os.listdir(downloads), [], "nothing of the other centre was downloaded")
        finally:
            d.quit()
        self.assertNotIn(self.server.other, [row["person"] for row in self.server.access_log("--user", "anna")])

    def test_three_wrong_passwords_block_the_account_until_an_administrator_unlocks_it(self):
        d = browser(self.tmp)
        try:
            for attempt in ("forkert en", "forkert to", "forkert tre"):
                self.log_in(d, "bo", attempt)
            self.log_in(d, "bo", PASSWORD)
            self.assertIn("spærret", d.find_element(By.TAG_NAME, "main").text)
            self.assertIsNone(d.get_cookie("ft_session"), "the right password opens no session while blocked")
            self.shoot(d, "login-blocked")
            server_cli("unlock-user", "--db", self.server.db, "--name", "bo")
            self.log_in(d, "bo", PASSWORD)
            self.assertIn("Træningscenter Ikast", d.page_source)
            self.assertIsNotNone(d.get_cookie("ft_session"))
        finally:
            d.quit()

    def test_an_idle_session_ends_and_the_form_says_why(self):
        brief = self.server.sibling("brief-sessions", "--session-idle-seconds", "2")
        d = browser(self.tmp)
        try:
            self.log_in(d, "anna", PASSWORD, brief.url)
            self.assertIn("Træningscenter Ikast", d.page_source)
            time.sleep(4)  # idle on purpose, longer than the 2 s this server allows
            d.get(brief.url + "/centres/" + self.server.centre)
            self.assertIn("/login", d.current_url)
            self.assertIn("ikke har været brugt", d.page_source)
            self.shoot(d, "login-expired")
        finally:
            d.quit()
            brief.stop()

    def test_a_name_made_of_markup_is_shown_as_text(self):
        d = browser(self.tmp)
        try:
            self.log_in(d, "anna", PASSWORD)
            d.get(self.server.url + "/centres/" + self.server.brande)
            link = d.find_element(By.CSS_SELECTOR, "table.trainees th[scope=row] a")
            self.assertEqual(link.text, MARKUP_NAME)
            follow(d, link)
            h1 = d.find_element(By.TAG_NAME, "h1")
            self.assertEqual(h1.text, MARKUP_NAME)
            self.assertEqual(h1.find_elements(By.TAG_NAME, "b"), [])
            self.assertEqual(d.find_elements(By.TAG_NAME, "script"), [])
            with self.assertRaises(NoAlertPresentException):
                d.switch_to.alert.text
            self.shoot(d, "trainee-markup")
        finally:
            d.quit()

    def test_the_real_replies_carry_the_security_headers(self):
        d = browser(self.tmp)
        try:
            self.log_in(d, "anna", PASSWORD)
            session = d.get_cookie("ft_session")["value"]
        finally:
            d.quit()
        tls = ssl.create_default_context(cafile=self.server.cert)
        for path, cookie in (("/login", None), ("/centres/" + self.server.centre, session),
                             ("/trainees/" + self.server.marked, session),
                             ("/trainees/" + self.server.marked + "/report.pdf", session)):
            conn = http.client.HTTPSConnection("127.0.0.1", self.server.main.port, context=tls)
            conn.request("GET", path, headers={"Cookie": "ft_session=" + cookie} if cookie else {})
            reply = conn.getresponse()
            reply.read()
            conn.close()
            self.assertEqual(reply.status, 200, path)
            csp = reply.getheader("Content-Security-Policy", "")
            self.assertIn("frame-ancestors 'none'", csp, path)
            self.assertIn("default-src 'none'", csp, path)
            self.assertNotIn("unsafe-inline", csp, path)
            self.assertNotIn("script-src", csp, path)  # no script at all, so none inline either
            self.assertIn("max-age=", reply.getheader("Strict-Transport-Security", ""), path)
            self.assertEqual(reply.getheader("Referrer-Policy"), "no-referrer", path)
            self.assertEqual(reply.getheader("Cache-Control"), "no-store", path)


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0], "-v"])
