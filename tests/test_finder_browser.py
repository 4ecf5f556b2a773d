"""The mechanism finder in a real browser: realistic scenarios with the routes shown and the
reasons given, keyboard-only use, accessibility with results on screen, shared URLs and the
listing readers get without JavaScript."""
from __future__ import annotations

import re

from urllib.parse import parse_qs, urlsplit

import pytest

from browsing import WCAG, foreign

pytestmark = pytest.mark.browser

FINDER = "mechanisms/finder/"
ALL = {"sp-communication", "sp-urgent-appeal", "upr-submission", "shadow-ccpr", "shadow-cerd", "shadow-cat",
       "shadow-crc-op", "iachr-petition", "iachr-precautionary", "iachr-hearing", "local-commission",
       "local-ordinance"}

# (what the organizer says, answers, the routes that must fit, {route that must not fit: words in its reason})
SCENARIOS = [
    ("our building is being demolished next week",
     dict(issue_area="housing", harm="urgent", affected=["community"], remedies="none", wants=["protection"]),
     {"sp-urgent-appeal", "iachr-precautionary"},
     {"iachr-petition": "Yes, to the end: the final decision was notified less than six months ago",
      "upr-submission": "It needs: Ongoing", "local-ordinance": "will not stop an imminent harm"}),
    ("the clinic turns away undocumented patients",
     dict(issue_area="health", harm="ongoing", affected=["community"], remedies="none",
          wants=["visibility", "recommendation"]),
     {"sp-communication", "upr-submission", "iachr-hearing", "local-commission", "local-ordinance"},
     {"shadow-cerd": "It needs: People treated differently because of race",
      "sp-urgent-appeal": "It needs: Urgent"}),
    ("workers were fired for organizing, and the case is in court",
     dict(issue_area="work", harm="past", affected=["civil-political"], remedies="ongoing", wants=["recommendation"]),
     {"sp-communication", "upr-submission", "shadow-ccpr", "local-commission"},
     {"iachr-petition": "exhausted domestic remedies and filing within six months",
      "iachr-hearing": "It needs: Visibility"}),
    ("Black and Latino tenants are steered away from new buildings",
     dict(issue_area="housing", harm="ongoing", affected=["racial"], remedies="none", wants=["recommendation"]),
     {"shadow-cerd", "sp-communication", "upr-submission", "local-commission"},
     {"shadow-cat": "It needs: People in detention"}),
    ("benefits were cut off; the state supreme court ruled against us last month",
     dict(issue_area="social-security", harm="past", affected=["community"], remedies="exhausted-recent",
          wants=["decision"]),
     {"iachr-petition", "local-commission"},
     {"upr-submission": "It needs: Visibility: put the problem on the public record or A recommendation"}),
    ("the final court decision came two years ago",
     dict(issue_area="social-security", harm="past", remedies="exhausted-old", wants=["decision"]),
     {"local-commission"},
     {"iachr-petition": "It needs: Yes, to the end: the final decision was notified less than six months ago"}),
    ("people in immigration detention are denied medical care",
     dict(issue_area="health", harm="ongoing", affected=["detention"], remedies="none", wants=["visibility"]),
     {"shadow-cat", "sp-communication", "upr-submission", "iachr-hearing", "local-commission", "local-ordinance"},
     {"shadow-ccpr": "It needs: People whose civil or political rights"}),
    ("teenagers were trafficked to work on farms",
     dict(issue_area="work", harm="past", affected=["children-exploitation"], remedies="none",
          wants=["recommendation"]),
     {"shadow-crc-op", "sp-communication", "upr-submission", "local-commission"},
     {"shadow-cerd": "It needs: People treated differently"}),
    ("the city shuts off water to families behind on bills; we want a city ordinance",
     dict(issue_area="water", harm="ongoing", affected=["community"], remedies="none", wants=["local-law"]),
     {"local-ordinance"},
     {"sp-communication": "It needs: Visibility", "local-commission": "A decision on our specific case"}),
    ("a food pantry is closing tomorrow and we want the agency to decide our complaint",
     dict(issue_area="food", harm="urgent", affected=["community"], remedies="ongoing", wants=["decision"]),
     {"local-commission"},
     {"iachr-precautionary": "It needs: Protection for people at risk, quickly"}),
]


def answer(page, answers: dict) -> None:
    for question, value in answers.items():
        if question == "issue_area":
            page.locator("#rk-q-issue_area").select_option(value)
            continue
        for v in value if isinstance(value, list) else [value]:
            page.locator(f"#rk-q-{question}-{v}").check()


def shown(page) -> tuple[set[str], dict[str, str]]:
    page.locator("#rk-finder-results h2").first.wait_for()
    fits = set(page.eval_on_selector_all(".rk-route", "els => els.map(e => e.dataset.pathway)"))
    nots = dict(page.eval_on_selector_all(".rk-route-no",
                                          "els => els.map(e => [e.dataset.pathway, e.innerText])"))
    return fits, nots


@pytest.mark.parametrize("story,answers,fit,not_fit", SCENARIOS, ids=[s[0][:40] for s in SCENARIOS])
def test_scenario(page, server, story, answers, fit, not_fit):
    page.goto(server + FINDER, wait_until="networkidle")
    answer(page, answers)
    fits, nots = shown(page)
    assert fits == fit, story
    assert set(nots) == ALL - fit
    for route, words in not_fit.items():
        assert words in nots[route], (route, nots[route])
    status = page.locator("#rk-finder-status").inner_text()
    assert status == f"{len(fit)} of {len(ALL)} routes fit your answers; {len(ALL) - len(fit)} do not."
    # each fitting route says why, links its guide or details, and says when its window opens
    for card in page.locator(".rk-route").all():
        assert "You chose:" in card.locator(".rk-why").inner_text()
        assert card.get_by_role("link", name="All details").count() == 1
        assert "When:" in card.inner_text()
    assert foreign(page.requested) == []


def test_unanswered_questions_never_rule_a_route_out(page, server):
    """Only the urgency is known: every route open to urgent harm fits, with what is still to check."""
    page.goto(server + FINDER, wait_until="networkidle")
    answer(page, dict(harm="urgent"))
    fits, nots = shown(page)
    assert fits == {"sp-urgent-appeal", "iachr-precautionary", "local-commission"}
    card = page.locator('.rk-route[data-pathway="iachr-precautionary"]')
    assert "What do you want? Not answered yet." in card.locator(".rk-open").inner_text()
    assert "It needs: Ongoing" in nots["iachr-petition"]
    assert "Yes, to the end" not in nots["iachr-petition"]  # only the answered question is a reason


def test_racial_discrimination_shows_icerd_as_ratified(page, server):
    page.goto(server + FINDER, wait_until="networkidle")
    answer(page, SCENARIOS[3][1])
    shown(page)
    standards = page.locator(".rk-standards").inner_text()
    assert "ICERD" in standards and "US status: ratified on 21 October 1994" in standards
    assert "ICESCR (US status: signed, not ratified)" in standards  # the housing articles, with status
    assert "American Declaration (US status: applied by the IACHR to OAS members, the US included)" in standards
    card = page.locator('.rk-route[data-pathway="shadow-cerd"]')
    assert card.get_by_role("link", name="Template: shadow-report outline").count() == 1
    assert "Official calendar" in card.inner_text()


def test_keyboard_only(page, server):
    """Scenario 1 (an imminent demolition) with the keyboard alone."""
    page.goto(server + FINDER, wait_until="networkidle")
    for _ in range(150):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "rk-q-issue_area":
            break
    else:
        pytest.fail("the issue-area question cannot be reached with Tab")
    focused = lambda: page.evaluate("document.activeElement.id")
    page.keyboard.press("ArrowDown")  # choose an issue area, then move to the harm question
    page.keyboard.press("Tab")
    assert focused() == "rk-q-harm-ongoing"
    page.keyboard.press("ArrowDown")  # radio groups move and select with the arrows
    assert focused() == "rk-q-harm-urgent"
    page.keyboard.press("Tab")
    assert focused() == "rk-q-affected-racial"
    for _ in range(4):
        page.keyboard.press("Tab")
    assert focused() == "rk-q-affected-community"
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    assert focused() == "rk-q-remedies-exhausted-recent"
    for _ in range(3):
        page.keyboard.press("ArrowDown")
    assert focused() == "rk-q-remedies-none"
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert focused() == "rk-q-wants-protection"
    page.keyboard.press("Space")
    for _ in range(3):
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Show routes"
    page.keyboard.press("Enter")
    assert focused() == "rk-finder-yes"  # focus moves to the results' heading after submitting
    fits, _ = shown(page)
    assert fits == {"sp-urgent-appeal", "iachr-precautionary"}
    assert page.locator("#rk-q-harm-urgent").is_checked() and page.locator("#rk-q-remedies-none").is_checked()


def test_shared_url_restores_choices(browser, server):
    answers = SCENARIOS[2][1]
    context = browser.new_context()
    try:
        first = context.new_page()
        first.goto(server + FINDER, wait_until="networkidle")
        answer(first, answers)
        expected = shown(first)
        shared = first.url
        query = parse_qs(urlsplit(shared).query)
        assert query == {"issue_area": ["work"], "harm": ["past"], "affected": ["civil-political"],
                         "remedies": ["ongoing"], "wants": ["recommendation"]}
    finally:
        context.close()
    fresh = browser.new_context()  # someone else opens the link
    try:
        other = fresh.new_page()
        other.goto(shared, wait_until="networkidle")
        assert other.locator("#rk-q-issue_area").input_value() == "work"
        assert other.locator("#rk-q-harm-past").is_checked()
        assert other.locator("#rk-q-affected-civil-political").is_checked()
        assert other.locator("#rk-q-remedies-ongoing").is_checked()
        assert other.locator("#rk-q-wants-recommendation").is_checked()
        assert not other.locator("#rk-q-wants-decision").is_checked()
        assert shown(other) == expected
    finally:
        fresh.close()


def test_clearing_answers_clears_the_url(page, server):
    page.goto(server + FINDER + "?harm=urgent&wants=protection", wait_until="networkidle")
    assert len(shown(page)[0]) == 2
    page.get_by_role("button", name="Clear answers").click()
    page.wait_for_function("location.search === ''")
    assert page.locator(".rk-route").count() == 0
    assert "Answer any question" in page.locator("#rk-finder-status").inner_text()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_accessible_with_results_shown(browser, server, scheme):
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context(color_scheme=scheme)
    try:
        page = context.new_page()
        page.goto(server + FINDER + "?issue_area=housing&harm=ongoing&affected=racial&wants=recommendation",
                  wait_until="networkidle")
        assert len(shown(page)[0]) > 0 and page.locator(".rk-route-no").count() > 0
        results = Axe().run(page, options=WCAG)
        assert results.violations_count == 0, results.generate_report()
        # the form is built from fieldsets with legends, and the count is announced
        assert page.locator("#rk-finder fieldset > legend").count() == 5
        assert page.locator("#rk-finder-status").get_attribute("role") == "status"
    finally:
        context.close()


def test_without_javascript_every_route_is_listed_with_its_conditions(browser, server):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(server + FINDER)
        assert page.locator("#rk-finder fieldset").count() == 5  # in the HTML: nothing shifts when the script runs
        assert "needs JavaScript" in page.locator(".md-content").inner_text()
        routes = page.locator("h3.rk-pathway")
        assert routes.count() == len(ALL)
        assert {r.get_attribute("id") for r in routes.all()} == {f"pathway-{p}" for p in ALL}
        text = page.locator(".md-content").inner_text()
        assert "Is the harm ongoing, urgent or in the past? Urgent: someone faces serious" in text
        assert "Have you tried domestic remedies (courts, agencies, appeals)? Yes, to the end: the final decision was notified less than six months ago." in text
        assert text.count("Suits these answers:") == len(ALL)
        assert re.search(r"\(as of \d{1,2} [A-Z][a-z]+ \d{4}\)", text) and "[[as-of" not in text
    finally:
        context.close()
