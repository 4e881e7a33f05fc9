#!/usr/bin/env python3
"""The dashboard in a real browser: headless Chromium driven by selenium, run by .ci/run.

Starts the real binary twice on free ports, over the shipped seed and over a generated dataset
of --events events (100,000 by default), and checks what a researcher relies on: every seed event
drawn and listed, honest date shapes, a quote opening its document with exactly its words in a
<mark> (right to left), code-point spans after supplementary characters, the URL holding the whole
view across a reload, filters changing the URL and the events, keyboard use, the Arabic interface
mirrored, no request leaving the server, no console error, no serious axe-core violation; and at
scale, the first view under 1.5 s, the aggregate timeline and paging through a filtered list.
Screenshots go to --screenshots (desktop and mobile, English and Arabic).

Usage: Tests/Browser/dashboard_test.py PATH/TO/chronicle [--screenshots DIR] [--events N]
"""
import argparse, json, os, re, shutil, subprocess, sys, tempfile, time, unicodedata, urllib.request

from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait
from axe_selenium_python import Axe

parser = argparse.ArgumentParser()
parser.add_argument("binary")
parser.add_argument("--screenshots", default=None)
parser.add_argument("--events", type=int, default=100_000)
args = parser.parse_args()
binary = os.path.abspath(args.binary)
repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
work = tempfile.mkdtemp(prefix="chronicle-browser-")
shots = args.screenshots or os.path.join(work, "screenshots")
os.makedirs(shots, exist_ok=True)
servers, failures, passed, figures = [], [], [], {}


def start(data, name):
    log = open(os.path.join(work, name + ".log"), "w+")
    process = subprocess.Popen([binary, "serve", "--port", "0", "--data", data], stdout=log, stderr=subprocess.STDOUT, cwd=work)
    servers.append(process)
    deadline = time.time() + 300
    while time.time() < deadline:
        log.seek(0)
        found = re.search(r"listening on http://[^:]+:(\d+)", log.read())
        if found:
            return f"http://127.0.0.1:{found.group(1)}"
        if process.poll() is not None:
            break
        time.sleep(0.1)
    log.seek(0)
    sys.exit(f"browser: the {name} server did not start:\n{log.read()[-3000:]}")


def api(base, path):
    with urllib.request.urlopen(base + path, timeout=60) as response:
        return json.load(response)


def browser(language="en-US", width=1400, height=1000):
    options = Options()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     f"--window-size={width},{height}", f"--lang={language}", "--disable-extensions",
                     "--no-first-run", "--disable-background-networking", "--disable-component-update"]:
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"intl.accept_languages": language})
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
    driver.set_script_timeout(30)
    return driver


def ready(driver, timeout=60):
    """Waits until the dashboard has finished the view it is showing (its own signal)."""
    WebDriverWait(driver, timeout).until(lambda d: d.execute_script("return document.body && document.body.dataset.ready") == "yes")


def until(driver, condition, what, timeout=30):
    try:
        return WebDriverWait(driver, timeout).until(lambda d: condition(d))
    except TimeoutException:
        raise AssertionError(f"timed out waiting for {what}")


console = []


def drain_console(driver):
    console.extend(entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE")


def check(name):
    def run(function):
        try:
            function()
            passed.append(name)
            print(f"  ok   {name}")
        except Exception as error:  # one failing check does not hide the others
            message = str(error).split("\nStacktrace:")[0].strip()
            failures.append(f"{name}: {type(error).__name__}: {message}")
            print(f"  FAIL {name}: {type(error).__name__}: {message}")
        return function
    return run


def ids(elements):
    return [element.get_attribute("data-id") for element in elements]


def mark_texts(driver):
    return driver.execute_script("return [...document.querySelectorAll('#document-text mark')].map(m => m.textContent)")


# MARK: The seed

seed = start(os.path.join(repo, "Data"), "seed")
print(f"browser: seed server at {seed}")
seed_events = api(seed, "/events?limit=500")["data"]
seed_quotes = api(seed, "/quotes?limit=500")["data"]
driver = browser()
started = time.time()
driver.get(seed + "/dashboard")
ready(driver)
figures["seed first view (ms)"] = round(driver.execute_script("return performance.getEntriesByName('chronicle:first-view')[0].startTime"))
figures["seed first contentful paint (ms)"] = round(driver.execute_script(
    "return (performance.getEntriesByName('first-contentful-paint')[0] || {startTime: -1}).startTime"))
print("browser: seed checks")


@check("every seed event is drawn on the timeline and listed")
def _():
    expected = {event["id"] for event in seed_events}
    drawn = ids(driver.find_elements(By.CSS_SELECTOR, "#timeline .mark"))
    listed = ids(driver.find_elements(By.CSS_SELECTOR, "#event-list button[data-id]"))
    assert len(expected) == 12, expected
    assert sorted(drawn) == sorted(expected), (drawn, expected)
    assert sorted(listed) == sorted(expected), (listed, expected)


@check("dates are drawn honestly: a day a point, a month or year a band, an interval a span, inferred hollow")
def _():
    by_id = {event["id"]: event for event in seed_events}
    shapes = driver.execute_script("""return [...document.querySelectorAll('#timeline .mark')].map(g => ({
        id: g.dataset.id, shape: g.firstElementChild.tagName, parts: g.querySelectorAll('rect,circle,line').length,
        width: g.firstElementChild.getBBox().width, fill: g.firstElementChild.getAttribute('fill'),
        dash: g.firstElementChild.getAttribute('stroke-dasharray')}))""")
    widths = {}
    for shape in shapes:
        event = by_id[shape["id"]]
        precision = event["date_range"]["precision"]
        if precision == "day":
            assert shape["shape"] == "circle", shape
        else:
            assert shape["shape"] == "rect", shape
            widths.setdefault(precision, []).append(shape["width"])
        if precision == "interval":
            assert shape["parts"] == 3, shape  # the span and its two end caps
        if event["certainty"] == "inferred":
            assert shape["fill"] == "#ffffff" and shape["dash"], shape
        elif event["certainty"] == "stated":
            assert shape["fill"] != "#ffffff" and not shape["dash"], shape
    # A year is about twelve times as wide as a month.
    if "year" in widths and "month" in widths:
        assert max(widths["year"]) > 8 * min(widths["month"]), widths


@check("a clicked quote opens its document with exactly its words in one <mark>, right to left, in view")
def _():
    for quote in seed_quotes:
        button = driver.find_element(By.CSS_SELECTOR, f"#quote-list button[data-id='{quote['id']}']")
        block = button.find_element(By.TAG_NAME, "blockquote")
        assert block.get_attribute("lang") == quote["language"], quote["id"]
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
        button.click()
        until(driver, lambda d: f"quote={quote['id']}" in d.current_url and mark_texts(d) == [quote["source"]["text"]],
              f"the mark of {quote['id']}")
        assert quote["source"]["text"] == quote["text"].strip() or quote["source"]["text"] in quote["text"] or quote["text"] in quote["source"]["text"]
        text = driver.find_element(By.ID, "document-text")
        assert text.get_attribute("dir") == "rtl" and text.get_attribute("lang") == "ar"
        assert driver.execute_script("return getComputedStyle(document.querySelector('#document-text mark')).direction") == "rtl"
        in_view = driver.execute_script("""const r = document.querySelector('#document-text mark').getBoundingClientRect();
            return r.top >= 0 && r.bottom <= innerHeight && r.height > 0""")
        assert in_view, quote["id"]
        # The code points before the mark are exactly the span's start.
        offset = driver.execute_script("""const mark = document.querySelector('#document-text mark');
            const range = document.createRange(); range.setStart(document.getElementById('document-text'), 0);
            range.setEndBefore(mark); return [...range.toString()].length""")
        assert offset == quote["source"]["start"], (offset, quote["source"])
    meta = driver.find_element(By.ID, "document-meta").text
    assert "feee8ccf0fe5cc7d870c0a590e3821408165e926eecbe7192ebd904c0c6cd1d9" in meta


@check("a clicked event highlights each span that states it")
def _():
    event = next(e for e in seed_events if e["sources"])
    driver.find_element(By.CSS_SELECTOR, f"#event-list button[data-id='{event['id']}']").click()
    expected = sorted(source["text"] for source in event["sources"])
    until(driver, lambda d: f"event={event['id']}" in d.current_url and sorted(mark_texts(d)) == expected, "the event's marks")


@check("code-point spans stay exact after emoji and other supplementary characters")
def _():
    text = "😀 Mali 🇲🇱 a dit : « 𝒜𝓉𝓉𝒶𝒻 » puis قال عطاف: «الحل العسكري» 👍🏽 fin"
    spans = [(text.index("𝒜"), text.index(" »")), (text.index("الحل"), text.index("»", text.index("الحل"))), (0, 1)]
    result = driver.execute_async_script("""const [text, spans, done] = arguments;
        const version = document.querySelector('script[type=module]').src.split('/').slice(-2, -1)[0];
        import('/dashboard/assets/' + version + '/source.js').then(({ renderDocument }) => {
          const box = document.createElement('div');
          const marks = renderDocument(box, text, spans.map(([start, end]) => ({ start, end })));
          done({ marks: marks.map(m => m.textContent), all: box.textContent });
        }).catch(e => done({ error: String(e) }));""", text, spans)
    assert "error" not in result, result
    assert result["all"] == text
    assert sorted(result["marks"]) == sorted(text[a:b] for a, b in spans), (result["marks"], [text[a:b] for a, b in spans])


@check("filters change the URL and the shown events; the export links carry them")
def _():
    driver.get(seed + "/dashboard")
    ready(driver)
    Select(driver.find_element(By.ID, "type-select")).select_by_value("ACCUSE")
    driver.find_element(By.CSS_SELECTOR, "#filters button[type=submit]").click()
    until(driver, lambda d: "type=ACCUSE" in d.current_url, "type=ACCUSE in the URL")
    ready(driver)
    expected = sorted(e["id"] for e in api(seed, "/events?type=ACCUSE&limit=500")["data"])
    assert 0 < len(expected) < 12
    assert sorted(ids(driver.find_elements(By.CSS_SELECTOR, "#event-list button[data-id]"))) == expected
    assert sorted(ids(driver.find_elements(By.CSS_SELECTOR, "#timeline .mark"))) == expected
    csv = driver.find_element(By.ID, "export-csv").get_attribute("href")
    assert "type=ACCUSE" in csv and "format=csv" in csv, csv
    with urllib.request.urlopen(csv, timeout=30) as response:
        rows = response.read().decode().strip().split("\r\n")
    assert len(rows) == len(expected) + 1, len(rows)
    # An actor from the network joins the filter.
    node = driver.find_element(By.CSS_SELECTOR, "#network .node[data-id='algeria'] circle")
    node.click()
    until(driver, lambda d: "actor=algeria" in d.current_url, "actor=algeria in the URL")
    ready(driver)
    expected = sorted(e["id"] for e in api(seed, "/events?type=ACCUSE&actor=algeria&limit=500")["data"])
    assert sorted(ids(driver.find_elements(By.CSS_SELECTOR, "#event-list button[data-id]"))) == expected
    # A search in Arabic script.
    driver.find_element(By.ID, "clear-filters").click()
    until(driver, lambda d: "type=" not in d.current_url and "actor=" not in d.current_url, "cleared filters")
    box = driver.find_element(By.ID, "q-input")
    box.send_keys("عطاف")
    box.send_keys(Keys.ENTER)
    until(driver, lambda d: "q=" in d.current_url, "q in the URL")
    ready(driver)
    expected = sorted(e["id"] for e in api(seed, "/events?q=%D8%B9%D8%B7%D8%A7%D9%81&limit=500")["data"])
    assert expected and sorted(ids(driver.find_elements(By.CSS_SELECTOR, "#event-list button[data-id]"))) == expected


@check("reloading the URL restores the same view: filters, selection and the highlighted words")
def _():
    quote = seed_quotes[1]
    driver.get(seed + "/dashboard?actor=mali-maeci&from=2024-12&to=2025-01")
    ready(driver)
    driver.get(seed + f"/dashboard?from=2024-09&quote={quote['id']}")
    ready(driver)
    until(driver, lambda d: mark_texts(d) == [quote["source"]["text"]], "the quote's mark")
    before = (driver.current_url, driver.find_element(By.ID, "from-input").get_attribute("value"),
              ids(driver.find_elements(By.CSS_SELECTOR, "#event-list button[data-id]")))
    driver.refresh()
    ready(driver)
    until(driver, lambda d: mark_texts(d) == [quote["source"]["text"]], "the quote's mark after reload")
    after = (driver.current_url, driver.find_element(By.ID, "from-input").get_attribute("value"),
             ids(driver.find_elements(By.CSS_SELECTOR, "#event-list button[data-id]")))
    assert before == after, (before, after)
    assert not driver.find_element(By.ID, "source").get_attribute("hidden")
    # Back returns to the previous view.
    driver.back()
    until(driver, lambda d: "actor=mali-maeci" in d.current_url and d.find_element(By.ID, "source").get_attribute("hidden") is not None,
          "the previous view")


@check("keyboard: Tab reaches a timeline mark, Enter opens its source, Escape closes it; focus is visible")
def _():
    driver.get(seed + "/dashboard")
    ready(driver)
    body = driver.find_element(By.TAG_NAME, "body")
    for _ in range(80):
        body.send_keys(Keys.TAB) if False else driver.switch_to.active_element.send_keys(Keys.TAB)
        if driver.execute_script("return document.activeElement.matches('#timeline .mark')"):
            break
    else:
        raise AssertionError("Tab never reached a timeline mark")
    outline = driver.execute_script("return getComputedStyle(document.activeElement.firstElementChild).strokeWidth")
    assert outline == "3px", outline
    event_id = driver.execute_script("return document.activeElement.dataset.id")
    driver.switch_to.active_element.send_keys(Keys.ENTER)
    until(driver, lambda d: f"event={event_id}" in d.current_url and mark_texts(d), "the source panel")
    driver.switch_to.active_element.send_keys(Keys.ESCAPE)
    until(driver, lambda d: "event=" not in d.current_url and d.find_element(By.ID, "source").get_attribute("hidden") is not None, "closed panel")


@check("the Arabic interface: chosen by the browser's language, mirrored, and switchable")
def _():
    arabic = browser(language="ar")
    try:
        arabic.get(seed + "/dashboard")
        ready(arabic)
        root = arabic.find_element(By.TAG_NAME, "html")
        assert root.get_attribute("lang") == "ar" and root.get_attribute("dir") == "rtl"
        assert arabic.find_element(By.ID, "events-heading").text == "الأحداث"
        # Actor names in the interface language, not the API's English default.
        until(arabic, lambda d: "مالي (الفاعل)" in d.find_element(By.ID, "event-list").text, "Arabic actor names in the list")
        events_x = arabic.find_element(By.CSS_SELECTOR, ".events-panel").rect["x"]
        quotes_x = arabic.find_element(By.CSS_SELECTOR, ".quotes-panel").rect["x"]
        assert events_x > quotes_x, (events_x, quotes_x)  # the first column is on the right
        arabic.save_screenshot(os.path.join(shots, "dashboard-desktop-ar.png"))
        arabic.set_window_size(390, 844)
        arabic.get(seed + f"/dashboard?quote={seed_quotes[0]['id']}")
        ready(arabic)
        arabic.save_screenshot(os.path.join(shots, "dashboard-mobile-ar.png"))
        Select(arabic.find_element(By.ID, "ui-language")).select_by_value("fr")
        until(arabic, lambda d: "ui=fr" in d.current_url and d.find_element(By.TAG_NAME, "html").get_attribute("dir") == "ltr", "French")
        drain_console(arabic)
    finally:
        arabic.quit()


@check("no request leaves the server")
def _():
    driver.get(seed + "/dashboard")
    ready(driver)
    urls = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert urls, "no resource timing entries"
    outside = [url for url in urls if not url.startswith(seed + "/")]
    assert not outside, outside


@check("axe-core finds no serious or critical violation (list, source panel, Arabic)")
def _():
    found = []
    for path in ["/dashboard", f"/dashboard?quote={seed_quotes[0]['id']}", f"/dashboard?ui=ar&event={seed_events[1]['id']}"]:
        driver.get(seed + path)
        ready(driver)
        axe = Axe(driver)
        axe.inject()
        results = axe.run()
        for violation in results["violations"]:
            figures.setdefault("axe violations (all impacts)", []).append(f"{path}: {violation['id']} ({violation['impact']})")
            if violation["impact"] in ("serious", "critical"):
                found.append(f"{path}: {violation['id']}: {violation['help']} ({len(violation['nodes'])} nodes)")
    figures.setdefault("axe violations (all impacts)", [])
    assert not found, found


@check("screenshots: desktop and mobile in English")
def _():
    driver.set_window_size(1400, 1000)
    driver.get(seed + "/dashboard")
    ready(driver)
    driver.save_screenshot(os.path.join(shots, "dashboard-desktop-en.png"))
    driver.get(seed + f"/dashboard?quote={seed_quotes[2]['id']}")
    ready(driver)
    driver.save_screenshot(os.path.join(shots, "dashboard-source-en.png"))
    driver.set_window_size(390, 844)
    driver.get(seed + "/dashboard")
    ready(driver)
    driver.save_screenshot(os.path.join(shots, "dashboard-mobile-en.png"))
    driver.set_window_size(1400, 1000)


# MARK: At scale

data = os.path.join(work, "generated")
started = time.time()
subprocess.run([binary, "generate", "--events", str(args.events), "--out", data], check=True, capture_output=True)
large = start(data, "generated")
figures[f"generate + load {args.events} events (s)"] = round(time.time() - started, 1)
print(f"browser: {args.events}-event server at {large}")


@check(f"{args.events} events: the first view under 1.5 s, drawn from the counts")
def _():
    api(large, "/aggregate/events?by=month")  # the server is up and has answered once
    timings = []
    for _ in range(3):
        fresh = browser()
        try:
            fresh.get(large + "/dashboard")
            ready(fresh)
            timings.append(round(fresh.execute_script("return performance.getEntriesByName('chronicle:first-view')[0].startTime")))
            bars = fresh.find_elements(By.CSS_SELECTOR, "#timeline .bar")
            assert len(bars) > 100, len(bars)
            assert not fresh.find_elements(By.CSS_SELECTOR, "#timeline .mark")
            drain_console(fresh)
            if len(timings) == 1:
                fresh.save_screenshot(os.path.join(shots, "dashboard-100k-en.png"))
        finally:
            fresh.quit()
    figures[f"{args.events} events first view (ms, 3 fresh browsers)"] = timings
    assert sorted(timings)[1] < 1500, timings


@check(f"{args.events} events: zooming into a month counts per day; a filter narrows it to each event drawn")
def _():
    # Every event dated only to 2001 overlaps March 2001, so a month alone may still be too many to draw.
    month = api(large, "/events?from=2001-03&to=2001-03&limit=1")["meta"]["total"]
    driver.get(large + "/dashboard?from=2001-03&to=2001-03")
    ready(driver)
    if month > 500:
        keys = [bar.get_attribute("data-key") for bar in driver.find_elements(By.CSS_SELECTOR, "#timeline .bar")]
        assert any(re.fullmatch(r"2001-03-\d\d", key or "") for key in keys), keys[:20]
        assert "2001" in keys, "the events dated only to 2001 are drawn across the year, not in a day"
    expected = api(large, "/events?type=ACCUSE&from=2001-03&to=2001-03&limit=1")["meta"]["total"]
    assert 0 < expected <= 500, expected
    driver.get(large + "/dashboard?type=ACCUSE&from=2001-03&to=2001-03")
    ready(driver)
    assert len(driver.find_elements(By.CSS_SELECTOR, "#timeline .mark")) == expected


@check(f"{args.events} events: paging through a filtered list")
def _():
    driver.get(large + "/dashboard?type=ACCUSE")
    ready(driver)
    total = api(large, "/events?type=ACCUSE&limit=1")["meta"]["total"]
    assert total > 60, total
    for page in (1, 2):
        driver.find_element(By.ID, "next-page").click()
        until(driver, lambda d: f"offset={20 * page}" in d.current_url, f"offset={20 * page}")
        expected = ids_of = [e["id"] for e in api(large, f"/events?type=ACCUSE&limit=20&offset={20 * page}")["data"]]
        until(driver, lambda d: ids(d.find_elements(By.CSS_SELECTOR, "#event-list button[data-id]")) == expected, f"page {page + 1}")
    assert re.search(r"41\D+60\D+" + re.escape(f"{total:,}".replace(",", ",")) + "|41–60", driver.find_element(By.ID, "page-status").text)
    driver.find_element(By.ID, "prev-page").click()
    until(driver, lambda d: "offset=20" in d.current_url, "back to offset 20")


@check("?api= points the dashboard at another Chronicle (read under CORS), says so, and takes only http(s)")
def _():
    driver.get(seed + "/dashboard?api=" + large)
    ready(driver)
    assert driver.find_element(By.ID, "api-host").text == large
    assert len(driver.find_elements(By.CSS_SELECTOR, "#timeline .bar")) > 100
    urls = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert any(url.startswith(large + "/aggregate/events") for url in urls), urls
    # The page says, at the top, that its data come from elsewhere.
    banner = driver.find_element(By.ID, "elsewhere")
    assert banner.is_displayed() and large in banner.text, banner.text
    # Only http(s) bases: anything else is refused, said, and this server's data shown.
    driver.get(seed + "/dashboard?api=javascript:alert(1)")
    ready(driver)
    banner = driver.find_element(By.ID, "elsewhere")
    assert banner.is_displayed() and "javascript:alert(1)" in banner.text, banner.text
    assert driver.find_element(By.ID, "api-host").text == seed
    assert "javascript" not in driver.find_element(By.ID, "export-csv").get_attribute("href")
    assert len(driver.find_elements(By.CSS_SELECTOR, "#timeline .mark")) == 12
    driver.get(seed + "/dashboard")
    ready(driver)
    assert not driver.find_element(By.ID, "elsewhere").is_displayed()


drain_console(driver)


@check("no console error on any page load")
def _():
    assert not console, console


driver.quit()
for process in servers:
    process.terminate()
    process.wait(timeout=30)
for name, value in figures.items():
    print(f"browser: {name}: {value}")
print(f"browser: screenshots in {shots}")
if failures:
    print("browser: FAILED:\n  " + "\n  ".join(failures))
    sys.exit(1)
print(f"browser: {len(passed)} checks passed")
