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
must hold every look.

usage: web_browser_test.py BUILD_DIR SCREENSHOT_DIR
"""
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import unittest

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.support.ui import WebDriverWait

BUILD = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.getcwd()
SHOTS = os.path.abspath(sys.argv[2]) if len(sys.argv) > 2 else os.path.join(BUILD, "screenshots", "web")
PASSWORD = "korrekt hest batteri"
SIZES = {"pc": (1366, 768), "tablet": (820, 1180)}


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


class Centre:
    """A served database with one centre, its history and a caseworker."""

    def __init__(self, tmp):
        self.tmp = tmp
        cert, key = os.path.join(tmp, "cert.pem"), os.path.join(tmp, "key.pem")
        run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
            "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key, "-out", cert)
        self.db = os.path.join(tmp, "server.db")
        self.centre = server_cli("add-centre", "--db", self.db, "--name", "Træningscenter Ikast").strip().splitlines()[-1]
        self.port = free_port()
        self.url = f"https://127.0.0.1:{self.port}"
        self.log = open(os.path.join(tmp, "server.log"), "w")
        self.proc = subprocess.Popen([os.path.join(BUILD, "sync-server"), "--db", self.db, "--listen",
                                      f"127.0.0.1:{self.port}", "--cert", cert, "--key", key],
                                     stdout=subprocess.PIPE, stderr=self.log, text=True)
        line = self.proc.stdout.readline()  # "listening on ..." once it accepts connections
        if "listening" not in line:
            raise AssertionError("sync-server did not start: " + line)
        terminal = os.path.join(tmp, "terminal.db")
        floor_cli("seed-demo", "--db", terminal)
        code = server_cli("add-terminal", "--db", self.db, "--name", "Gulv 1").strip().splitlines()[-1]
        floor_cli("join", "--db", terminal, "--server", self.url, "--ca", cert, "--code", code)
        floor_cli("sync", "--db", terminal)
        floor_cli("sync", "--db", terminal)
        server_cli("add-user", "--db", self.db, "--name", "anna", "--role", "caseworker", "--centre", self.centre,
                   stdin=PASSWORD + "\n")

    def stop(self):
        self.proc.terminate()
        self.proc.wait()
        self.log.close()

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

    def shoot(self, driver, name):
        for size, (w, h) in SIZES.items():
            driver.set_window_size(w, h)
            # The visible part, as a person at that screen first sees it.
            driver.save_screenshot(os.path.join(SHOTS, f"{name}-{size}.png"))
            # And the whole page, to look for what is cut off further down.
            height = driver.execute_script("return document.documentElement.scrollHeight")
            driver.set_window_size(w, min(max(h, height), 6000))
            driver.save_screenshot(os.path.join(SHOTS, f"{name}-{size}-full.png"))
        driver.set_window_size(*SIZES["pc"])

    def wait_for_file(self, folder, suffix):
        for _ in range(200):  # a download finishes in well under a second; this only waits for it
            done = [f for f in os.listdir(folder) if f.endswith(suffix)]
            if done:
                return os.path.join(folder, done[0])
            time.sleep(0.05)
        self.fail(f"no {suffix} was downloaded")

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
            self.shoot(d, "absences")
            before = len(d.find_elements(By.CSS_SELECTOR, "table.absences form"))
            self.assertGreater(before, 0)
            follow(d, d.find_element(By.CSS_SELECTOR, "table.absences form button"))
            self.assertEqual(len(d.find_elements(By.CSS_SELECTOR, "table.absences form")), before - 1)
            self.assertIn("Håndteret af anna", d.page_source)

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
            self.shoot(d, "approval-approved-en")
        finally:
            d.quit()
        self.assertIn("approve_internship", [row["action"] for row in self.server.access_log("--person", awaiting[0])])


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0], "-v"])
