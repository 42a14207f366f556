// A terse German user (short imperative messages: "mach", "passt", "nein", lowercase, no greetings) on a
// small Python package (zeitkonto: working-time balances from time-clock CSVs) run with `uv run pytest`
// and `ruff check`. The model writes no thinking at all (`thinking: false`) and short German texts; its
// choices are stated in them. Two ruff errors (F401, E711) fixed; a night shift across midnight fails,
// a `modulo 24 h` fix passes but is parked with `git stash push` and dropped with `git stash drop` once
// the real fix is in; a quarter-hour rounding test stays failing because the payroll office decides;
// `pytest --durations=3` shows three retry tests that really sleep, then a conftest fixture patches the
// sleep away; `uv add requests` is refused with the user's reason; a NameError from a half-done timeout
// parameter is fixed. One /compact in the middle, one at the end. Written as a held-out scenario: not
// tuned on.
//
// uv itself cannot be installed on the machines this bench runs on (its registry is not reachable), so
// the session's PATH gets a stand-in `uv` that does what `uv run` does in a synced project (run the
// command with the project's src/ importable, printing nothing of its own); `uv add` is refused before
// it would run. pytest and ruff are the real ones.
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bash, ccSummary, say, think } from '../kit.mjs';

const empty = () => think('');

const UV_DIR = join(tmpdir(), 'handover-bench-uv-stand-in');
const UV =
  '#!/bin/sh\n# Stand-in for uv: `uv run CMD ...` runs CMD as uv does in a synced project (src/ layout importable).\n' +
  'case "$1" in\n  run)\n    shift\n    PYTHONPATH="$PWD/src${PYTHONPATH:+:$PYTHONPATH}" exec "$@"\n    ;;\n' +
  '  *)\n    echo "uv stand-in: only \'uv run\' is available here" >&2\n    exit 2\n    ;;\nesac\n';

function installUv() {
  mkdirSync(UV_DIR, { recursive: true });
  writeFileSync(join(UV_DIR, 'uv'), UV);
  chmodSync(join(UV_DIR, 'uv'), 0o755);
}

const PYPROJECT = String.raw`[project]
name = "zeitkonto"
version = "0.4.0"
description = "Arbeitszeitkonto aus Stempeldaten (CSV) für das Lohnbüro"
requires-python = ">=3.11"
dependencies = []

[project.scripts]
zeitkonto = "zeitkonto.__main__:main"

[dependency-groups]
dev = ["pytest>=8", "ruff>=0.6"]

[tool.pytest.ini_options]
pythonpath = ["src"]
testpaths = ["tests"]

[tool.ruff]
line-length = 100

[tool.ruff.lint]
select = ["E", "F"]
`;

const INIT = String.raw`"""Arbeitszeitkonto aus Stempeldaten."""

__version__ = "0.4.0"
`;

const MAIN = String.raw`"""python -m zeitkonto STEMPEL.csv: Ist, Soll und Saldo ausgeben."""

import sys

from .konto import hhmm, ist_minuten, saldo_minuten
from .stempel import lies_stempel


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    schichten = lies_stempel(argv[0])
    ist = ist_minuten(schichten)
    saldo = saldo_minuten(schichten)
    print(f"Schichten: {len(schichten)}")
    print(f"Ist:   {hhmm(ist)[1:]}")
    print(f"Soll:  {hhmm(ist - saldo)[1:]}")
    print(f"Saldo: {hhmm(saldo)}")


if __name__ == "__main__":
    main()
`;

const EXPORT = String.raw`"""Export fürs Lohnbüro: eine Zeile pro Tag, Minuten als Dezimalstunden."""

import csv
import json

from .konto import auf_viertelstunde, dauer_minuten


def exportiere(schichten, ziel):
    with open(ziel, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(["datum", "stunden"])
        for s in schichten:
            stunden = auf_viertelstunde(dauer_minuten(s)) / 60
            w.writerow([s.datum.isoformat(), f"{stunden:.2f}".replace(".", ",")])
`;

const FEIERTAGE = String.raw`"""Gesetzliche Feiertage vom internen Kalenderdienst holen (JSON-Liste von ISO-Daten)."""

import json
import time
import urllib.request
from datetime import date

URL = "http://kalender.intern:8080/feiertage/{jahr}?land=BY"
PAUSE = 0.35


def lade_feiertage(jahr, url=URL, versuche=3, pause=PAUSE):
    """Holt die Feiertage; bei Netzfehlern neuer Versuch nach pause, 2*pause, ..."""
    for versuch in range(versuche):
        try:
            with urllib.request.urlopen(url.format(jahr=jahr)) as antwort:
                return {date.fromisoformat(d) for d in json.load(antwort)}
        except OSError:
            if versuch == versuche - 1:
                raise
            time.sleep(pause * 2**versuch)
`;

const KONTO = String.raw`"""Ist-Stunden, Soll und Saldo."""

from datetime import datetime


def dauer_minuten(schicht):
    beginn = datetime.combine(schicht.datum, schicht.kommt)
    ende = datetime.combine(schicht.datum, schicht.geht)
    return int((ende - beginn).total_seconds() // 60) - schicht.pause_min


def auf_viertelstunde(minuten):
    """Auf die Viertelstunde runden (Lohnbüro rechnet in 15-Minuten-Schritten)."""
    return round(minuten / 15) * 15


def ist_minuten(schichten):
    return sum(auf_viertelstunde(dauer_minuten(s)) for s in schichten)


def saldo_minuten(schichten, soll_pro_tag=8 * 60, feiertage=()):
    tage = {s.datum for s in schichten if s.datum not in feiertage}
    return ist_minuten(schichten) - len(tage) * soll_pro_tag


def hhmm(minuten):
    vorzeichen = "-" if minuten < 0 else "+"
    m = abs(minuten)
    return f"{vorzeichen}{m // 60}:{m % 60:02d}"
`;

const STEMPEL = String.raw`"""Stempeldaten lesen: datum;kommt;geht;pause_min (Export der Stempeluhr)."""

import csv
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path


@dataclass(frozen=True)
class Schicht:
    datum: date
    kommt: time
    geht: time
    pause_min: int = 0


def _zeit(text):
    return datetime.strptime(text.strip(), "%H:%M").time()


def lies_stempel(pfad):
    schichten = []
    with Path(pfad).open(encoding="utf-8", newline="") as f:
        for zeile in csv.DictReader(f, delimiter=";"):
            pause = zeile.get("pause_min")
            if pause == None or pause.strip() == "":
                pause = "0"
            schichten.append(
                Schicht(
                    datum=date.fromisoformat(zeile["datum"].strip()),
                    kommt=_zeit(zeile["kommt"]),
                    geht=_zeit(zeile["geht"]),
                    pause_min=int(pause),
                )
            )
    return schichten
`;

const TEST_EXPORT = String.raw`from datetime import date, time

from zeitkonto.export import exportiere
from zeitkonto.stempel import Schicht


def test_export_dezimalstunden(tmp_path):
    ziel = tmp_path / "lohn.csv"
    exportiere([Schicht(date(2025, 3, 3), time(8, 0), time(16, 45), 30)], ziel)
    assert ziel.read_text(encoding="utf-8").splitlines() == ["datum;stunden", "2025-03-03;8,25"]
`;

const TEST_FEIERTAGE = String.raw`import io
import json
from datetime import date

import pytest

from zeitkonto import feiertage


class Kalender:
    """Ersatz für urlopen: wirft fehler-mal OSError, dann kommt die Liste."""

    def __init__(self, fehler, tage=("2025-01-01", "2025-05-01")):
        self.fehler = fehler
        self.tage = tage
        self.aufrufe = 0

    def __call__(self, url, **kwargs):
        self.aufrufe += 1
        if self.aufrufe <= self.fehler:
            raise OSError("Connection refused")
        return io.BytesIO(json.dumps(list(self.tage)).encode())


def test_retry_bis_erfolg(monkeypatch):
    kalender = Kalender(fehler=2)
    monkeypatch.setattr(feiertage.urllib.request, "urlopen", kalender)
    assert feiertage.lade_feiertage(2025) == {date(2025, 1, 1), date(2025, 5, 1)}
    assert kalender.aufrufe == 3


def test_gibt_nach_versuchen_auf(monkeypatch):
    monkeypatch.setattr(feiertage.urllib.request, "urlopen", Kalender(fehler=5))
    with pytest.raises(OSError):
        feiertage.lade_feiertage(2025, versuche=2)


def test_kurze_pause(monkeypatch):
    monkeypatch.setattr(feiertage.urllib.request, "urlopen", Kalender(fehler=1))
    assert len(feiertage.lade_feiertage(2025, pause=feiertage.PAUSE / 3)) == 2


def test_ohne_fehler_kein_warten(monkeypatch):
    monkeypatch.setattr(feiertage.urllib.request, "urlopen", Kalender(fehler=0))
    assert feiertage.lade_feiertage(2025)
`;

const TEST_KONTO = String.raw`from datetime import date, time

from zeitkonto.konto import auf_viertelstunde, dauer_minuten, hhmm, saldo_minuten
from zeitkonto.stempel import Schicht


def test_normale_schicht():
    s = Schicht(date(2025, 3, 3), time(7, 30), time(16, 0), 30)
    assert dauer_minuten(s) == 480


def test_nachtschicht():
    s = Schicht(date(2025, 3, 7), time(22, 0), time(6, 30), 30)
    assert dauer_minuten(s) / 60 == 8.0


def test_viertelstunde_aufrunden():
    # Lohnbüro: angefangene Viertelstunde zählt (7:50 -> 8:00)
    assert auf_viertelstunde(470) == 480
    assert auf_viertelstunde(458) == 465


def test_saldo_ohne_feiertag():
    schichten = [Schicht(date(2025, 3, d), time(8, 0), time(17, 0), 45) for d in (3, 4, 5)]
    assert saldo_minuten(schichten) == 3 * 15


def test_saldo_mit_feiertag():
    schichten = [Schicht(date(2025, 5, 1), time(8, 0), time(12, 0), 0)]
    assert saldo_minuten(schichten, feiertage={date(2025, 5, 1)}) == 240


def test_hhmm():
    assert hhmm(-75) == "-1:15"
    assert hhmm(225) == "+3:45"
`;

const TEST_STEMPEL = String.raw`from datetime import date, time
from pathlib import Path

from zeitkonto.stempel import lies_stempel

FIXTURES = Path(__file__).parent / "fixtures"


def test_liest_maerz():
    schichten = lies_stempel(FIXTURES / "maerz.csv")
    assert schichten[0].datum == date(2025, 3, 3)
    assert schichten[0].kommt == time(7, 28)


def test_leere_pause_ist_null(tmp_path):
    p = tmp_path / "s.csv"
    p.write_text("datum;kommt;geht;pause_min\n2025-03-03;08:00;12:00;\n", encoding="utf-8")
    assert lies_stempel(p)[0].pause_min == 0
`;

const MAERZ = String.raw`datum;kommt;geht;pause_min
2025-03-03;07:28;16:05;30
2025-03-04;07:55;16:40;45
2025-03-05;08:02;16:31;30
2025-03-06;07:41;15:58;30
2025-03-07;22:00;06:30;30
2025-03-10;07:30;16:12;30
2025-03-11;07:49;16:50;45
2025-03-12;08:10;17:02;45
2025-03-13;07:36;15:49;30
2025-03-14;07:58;16:20;30
2025-03-17;07:25;16:37;45
2025-03-18;08:05;16:44;30
2025-03-19;07:44;16:03;30
2025-03-20;22:00;06:15;30
2025-03-21;07:33;16:29;30
2025-03-24;07:51;16:58;45
2025-03-25;08:00;16:15;30
2025-03-26;07:39;16:41;30
2025-03-27;07:47;16:22;30
2025-03-28;07:30;14:00;
`;

const README =
  '# zeitkonto\n\nArbeitszeitkonto aus den Stempeldaten (CSV der Stempeluhr) fürs Lohnbüro.\n\n    uv sync\n    uv run python -m zeitkonto tests/fixtures/maerz.csv\n    uv run pytest\n    ruff check\n';
const CHANGELOG = '# Changelog\n\n## 0.4.0\n\n- Feiertage vom internen Kalenderdienst (`lade_feiertage`)\n- Export fürs Lohnbüro (Dezimalstunden)\n';

/** The n-th figure of the `--durations` report the session tee'd into perf/ ("1.05" for `1.05s call tests/…`). */
function durationFigure(project, n) {
  const path = join(project, 'perf/durations.txt');
  if (!existsSync(path)) return `perf/durations.txt: figure ${n} (not generated yet)`;
  const figures = [...readFileSync(path, 'utf8').matchAll(/^(\d+\.\d+)s (?:call|setup|teardown)\b/gm)].map((m) => m[1]);
  return figures[n] ?? `perf/durations.txt: no figure ${n}`;
}

export const scenario = {
  name: 'python-uv-german-terse',
  about:
    'held out: terse German user ("mach", "passt", "nein"), Python package with uv run pytest and ruff check, no thinking, short texts; F401/E711 fixed; modulo 24 h parked with git stash push and dropped; a rounding test left failing for the payroll office; pytest --durations=3; a refused uv add requests; a NameError from a half-done timeout; one mid and one final /compact',
  requires: ['python3', 'pytest', 'ruff', 'git'],
  thinking: false,
  env: { PATH: `${UV_DIR}:${process.env.PATH}` },
  files: {
    '.gitignore': '.venv/\n__pycache__/\n.pytest_cache/\n.ruff_cache/\nperf/\n',
    'README.md': README,
    'CHANGELOG.md': CHANGELOG,
    'pyproject.toml': PYPROJECT,
    'src/zeitkonto/__init__.py': INIT,
    'src/zeitkonto/__main__.py': MAIN,
    'src/zeitkonto/export.py': EXPORT,
    'src/zeitkonto/feiertage.py': FEIERTAGE,
    'src/zeitkonto/konto.py': KONTO,
    'src/zeitkonto/stempel.py': STEMPEL,
    'tests/test_export.py': TEST_EXPORT,
    'tests/test_feiertage.py': TEST_FEIERTAGE,
    'tests/test_konto.py': TEST_KONTO,
    'tests/test_stempel.py': TEST_STEMPEL,
    'tests/fixtures/maerz.csv': MAERZ,
  },
  build(k, { project, edit, write }) {
    installUv();
    const green = k.request('ruff check und pytest sind rot. beides grün machen');
    const noDeps = k.constraint('keine neuen deps');
    const fixtures = k.constraint('fixtures nicht anfassen, sind echte stempeldaten');
    k.error('F401 [*] `json` imported but unused', 'resolved');
    k.error('E711 Comparison to `None` should be `cond is None`', 'resolved');
    k.file('src/zeitkonto/export.py');
    k.file('src/zeitkonto/stempel.py');
    k.error('FAILED tests/test_konto.py::test_nachtschicht', 'resolved');
    const modulo = k.rejected('modulo 24 h', 'macht aus vertauschten Stempeln still fast 24 Stunden');
    const night = k.decision(
      'Ende + 1 Tag, wenn die Schicht ab 18:00 beginnt',
      'die Stempeluhr exportiert pro Zeile nur ein Datum',
      'eine zweite Datumsspalte geht_datum',
    );
    k.file('src/zeitkonto/konto.py');
    k.file('tests/test_konto.py');
    k.number('159:30');
    k.number('160:00');
    k.number('-0:30');
    k.error('FAILED tests/test_konto.py::test_viertelstunde_aufrunden', 'unresolved');
    const slow = k.request('welche tests sind langsam');
    // (The durations are real sleeps, a few ms longer under load: read from the run the session tee'd into perf/.)
    k.number(durationFigure(project, 0));
    k.number(durationFigure(project, 1));
    k.number(durationFigure(project, 2));
    const sleep = k.decision(
      'time.sleep per autouse-Fixture in conftest.py ersetzen',
      'so prüfen die Tests weiter die echten Pausenwerte',
      'pause=0 in jedem Test übergeben',
    );
    k.file('tests/conftest.py');
    k.file('tests/test_feiertage.py');
    const timeout = k.request('lade_feiertage braucht timeout');
    const refusal = k.refusal('kein requests, urllib kann timeout auch. deps bleiben leer');
    k.error("NameError: name 'timeout' is not defined", 'resolved');
    k.file('src/zeitkonto/feiertage.py');
    const changelog = k.request('changelog eintrag für 0.4.1');
    k.file('CHANGELOG.md');
    k.lastRequest(changelog);
    k.check('ruff check', 'passing');
    k.check('uv run pytest', 'failing');
    k.not('rejected', night.choice, 'the fix that was kept is not a dead end');
    k.not('decisions', modulo.what, 'tried and parked in a stash that was dropped: a rejected approach');
    k.not('rejected', night.alternative, 'named in passing, never tried');
    k.not('errors', 'urllib kann timeout auch', "a user's refusal is not a tool error");
    k.not('constraints', slow, 'a question is not a standing rule');
    k.not('rejected', sleep.alternative, 'named in passing, never tried');

    const quick = 'uv run pytest -q 2>&1 | tail -n 4';
    const addRequests = 'uv add requests';
    const konto1 = '    ende = datetime.combine(schicht.datum, schicht.geht)\n    return int((ende - beginn).total_seconds() // 60) - schicht.pause_min\n';
    const kontoModulo =
      '    ende = datetime.combine(schicht.datum, schicht.geht)\n    # modulo 24 h: Nachtschicht über Mitternacht\n' +
      '    minuten = int((ende - beginn).total_seconds() // 60) % (24 * 60)\n    return minuten - schicht.pause_min\n';
    const kontoFix =
      '    ende = datetime.combine(schicht.datum, schicht.geht)\n    if ende <= beginn:\n        if schicht.kommt < NACHTSCHICHT_AB:\n' +
      '            raise ValueError(f"{schicht.datum}: geht {schicht.geht} vor kommt {schicht.kommt}")\n        ende += timedelta(days=1)\n' +
      '    return int((ende - beginn).total_seconds() // 60) - schicht.pause_min\n';
    const conftest =
      'import pytest\n\nfrom zeitkonto import feiertage\n\n\n@pytest.fixture(autouse=True)\ndef pausen(monkeypatch):\n' +
      '    """Retry-Pausen nicht wirklich abwarten: time.sleep merkt sich nur die Werte."""\n    gemerkt = []\n' +
      '    monkeypatch.setattr(feiertage.time, "sleep", gemerkt.append)\n    return gemerkt\n';
    const retryOld =
      'def test_retry_bis_erfolg(monkeypatch):\n    kalender = Kalender(fehler=2)\n    monkeypatch.setattr(feiertage.urllib.request, "urlopen", kalender)\n' +
      '    assert feiertage.lade_feiertage(2025) == {date(2025, 1, 1), date(2025, 5, 1)}\n    assert kalender.aufrufe == 3\n';
    const retryNew =
      'def test_retry_bis_erfolg(monkeypatch, pausen):\n    kalender = Kalender(fehler=2)\n    monkeypatch.setattr(feiertage.urllib.request, "urlopen", kalender)\n' +
      '    assert feiertage.lade_feiertage(2025) == {date(2025, 1, 1), date(2025, 5, 1)}\n    assert kalender.aufrufe == 3\n' +
      '    assert pausen == [feiertage.PAUSE, 2 * feiertage.PAUSE]\n';
    const timeoutTest =
      '    assert feiertage.lade_feiertage(2025)\n\n\ndef test_timeout_wird_durchgereicht(monkeypatch):\n    gesehen = {}\n\n' +
      '    def urlopen(url, **kwargs):\n        gesehen.update(kwargs)\n        return io.BytesIO(b\'["2025-01-01"]\')\n\n' +
      '    monkeypatch.setattr(feiertage.urllib.request, "urlopen", urlopen)\n    feiertage.lade_feiertage(2025)\n    assert gesehen["timeout"] == 5\n';

    return [
      {
        user: `${green}. ${noDeps}.\n${fixtures}.`,
        model: [
          [empty(), bash('ruff check', 'Lint')],
          [empty(), edit('src/zeitkonto/export.py', 'import csv\nimport json\n\nfrom .konto', 'import csv\n\nfrom .konto')],
          [
            empty(),
            edit(
              'src/zeitkonto/stempel.py',
              '            if pause == None or pause.strip() == "":\n',
              '            if pause is None or pause.strip() == "":\n',
            ),
          ],
          [empty(), bash('ruff check', 'Lint')],
          [empty(), say('ruff sauber. Jetzt pytest.'), bash('uv run pytest -q 2>&1 | tail -n 6', 'Tests')],
          [empty(), say('Nachtschicht: geht liegt nach Mitternacht, also vor kommt am selben Datum.'), edit('src/zeitkonto/konto.py', konto1, kontoModulo)],
          [empty(), bash(quick, 'Tests')],
          [
            empty(),
            say(`Grün, aber nein: ${modulo.what} ${modulo.why} (kommt 08:00, geht 07:55 → 23:55). Parke das.`),
            bash('git stash push -m "modulo" -- src/zeitkonto/konto.py && git stash list', 'Modulo-Variante parken'),
          ],
          [
            empty(),
            say(
              `Stattdessen: ${night.choice}; sonst ValueError. ${night.alternative[0].toUpperCase()}${night.alternative.slice(1)} wäre sauberer, aber ${night.reason}, und die Fixtures bleiben wie sie sind.`,
            ),
            edit('src/zeitkonto/konto.py', konto1, kontoFix),
          ],
          [
            empty(),
            edit(
              'src/zeitkonto/konto.py',
              'from datetime import datetime\n',
              'from datetime import datetime, time, timedelta\n\n# Schichten, die ab hier beginnen, dürfen über Mitternacht gehen.\nNACHTSCHICHT_AB = time(18, 0)\n',
            ),
          ],
          [
            empty(),
            edit(
              'tests/test_konto.py',
              '    assert dauer_minuten(s) / 60 == 8.0\n',
              '    assert dauer_minuten(s) / 60 == 8.0\n\n\ndef test_vertauschte_stempel():\n    s = Schicht(date(2025, 3, 4), time(8, 0), time(7, 55), 0)\n' +
                '    with pytest.raises(ValueError):\n        dauer_minuten(s)\n',
            ),
          ],
          [
            empty(),
            edit(
              'tests/test_konto.py',
              'from datetime import date, time\n\nfrom zeitkonto',
              'from datetime import date, time\n\nimport pytest\n\nfrom zeitkonto',
            ),
          ],
          [empty(), bash(quick, 'Tests')],
          [empty(), bash('uv run python -m zeitkonto tests/fixtures/maerz.csv', 'März-Fixture durchrechnen')],
          [empty(), bash('git stash drop && git stash list', 'Geparkte Modulo-Variante verwerfen')],
          [
            empty(),
            say(
              'ruff: grün. pytest: 1 rot.\n\n`test_viertelstunde_aufrunden` erwartet Aufrunden (470 min → 480), der Code rundet kaufmännisch (→ 465). Was gilt, Test oder Code?',
            ),
          ],
        ],
      },
      {
        user: `lass den, klärt lohnbüro. ${slow}? --durations=3`,
        model: [
          [empty(), bash('mkdir -p perf && uv run pytest --durations=3 -q 2>&1 | tee perf/durations.txt | tail -n 9', 'Langsamste Tests')],
          [empty(), say('Die drei Retry-Tests in test_feiertage.py. Die schlafen echt (Backoff zwischen den Versuchen). Wegpatchen?')],
        ],
      },
      {
        user: 'mach',
        model: [
          [empty(), say(`Plan: ${sleep.choice}, nicht ${sleep.alternative} — ${sleep.reason}.`), write('tests/conftest.py', conftest)],
          [empty(), edit('tests/test_feiertage.py', retryOld, retryNew)],
          [empty(), bash('uv run pytest --durations=3 -q 2>&1 | tail -n 7', 'Langsamste Tests')],
          [empty(), say('Erledigt, keine echten Pausen mehr in den Tests. Soll der PAUSE-Default für den Cron auch kürzer?')],
        ],
      },
      {
        user: 'nein',
        model: [[empty(), say('Ok, bleibt.')]],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis:
            'Terse German user; zeitkonto package. Lint fixed, night shifts across midnight handled, retry tests no longer sleep. One rounding test left for the payroll office.',
          intent: 'Make ruff check and pytest green without new dependencies; do not touch the fixtures (real time-clock data).',
          concepts: ['uv run pytest', 'ruff', 'datetime across midnight', 'pytest monkeypatch/autouse fixtures'],
          files: [
            'src/zeitkonto/export.py, src/zeitkonto/stempel.py: lint fixes',
            'src/zeitkonto/konto.py: night shifts',
            'tests/test_konto.py: swapped-stamp test',
            'tests/conftest.py: sleep patched in tests',
          ],
          errors: ['Two lint errors; fixed', 'Night shift test failed; fixed', 'Quarter-hour rounding test still fails (payroll office decides)'],
          solving: 'A modulo variant was tried and parked, then dropped.',
          messages: ['Make ruff and pytest green; no new deps; fixtures untouched', 'Leave the rounding test; which tests are slow?', 'mach', 'nein'],
          pending: ['Rounding rule: payroll office'],
          current: 'Tests fast; one known failure.',
          next: 'Wait for the user.',
        }),
      },
      {
        user: `${timeout}. 5s. hängt sonst ewig im cron`,
        model: [
          [empty(), say('requests hat Timeouts und Retries eingebaut, nehme das.'), bash(addRequests, 'requests hinzufügen')],
          [
            empty(),
            say('Ok, bleibt bei urllib.'),
            edit(
              'src/zeitkonto/feiertage.py',
              '            with urllib.request.urlopen(url.format(jahr=jahr)) as antwort:\n',
              '            with urllib.request.urlopen(url.format(jahr=jahr), timeout=timeout) as antwort:\n',
            ),
          ],
          [empty(), edit('tests/test_feiertage.py', '    assert feiertage.lade_feiertage(2025)\n', timeoutTest)],
          [empty(), bash('uv run pytest -q -x tests/test_feiertage.py 2>&1 | tail -n 12', 'Feiertage-Tests')],
          [
            empty(),
            say('Parameter vergessen.'),
            edit(
              'src/zeitkonto/feiertage.py',
              'def lade_feiertage(jahr, url=URL, versuche=3, pause=PAUSE):\n',
              'def lade_feiertage(jahr, url=URL, versuche=3, pause=PAUSE, timeout=5):\n',
            ),
          ],
          [empty(), bash(quick, 'Tests')],
          [empty(), bash('ruff check --output-format concise', 'Lint')],
          [empty(), say('timeout=5 pro Versuch, an urlopen durchgereicht, mit Test. Keine neue Dependency. pytest: nur der Rundungstest rot.')],
        ],
        refuse: { [addRequests]: `nein. ${refusal}` },
      },
      {
        user: `passt. ${changelog}`,
        model: [
          [
            empty(),
            edit(
              'CHANGELOG.md',
              '# Changelog\n\n',
              '# Changelog\n\n## 0.4.1\n\n- Nachtschichten über Mitternacht (Beginn ab 18:00); vertauschte Stempel geben einen Fehler\n' +
                '- `lade_feiertage(timeout=5)`: Timeout pro Versuch\n- Lint: unbenutzter Import, `is None`\n\n',
            ),
          ],
          [empty(), bash('ruff check --output-format concise && uv run pytest -q 2>&1 | tail -n 3', 'Lint und Tests')],
          [empty(), say('CHANGELOG hat 0.4.1. Offen: test_viertelstunde_aufrunden (Lohnbüro).')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis:
            'Terse German user; zeitkonto. After the lint and night-shift fixes: a timeout for the holiday loader without new dependencies, a changelog entry.',
          intent: 'Green ruff and pytest, no new dependencies, fixtures untouched; a timeout for lade_feiertage; changelog for 0.4.1.',
          concepts: ['urllib timeout', 'uv', 'pytest'],
          files: ['src/zeitkonto/feiertage.py: timeout parameter', 'tests/test_feiertage.py: timeout test', 'CHANGELOG.md: 0.4.1'],
          errors: ['A missing parameter broke the holiday tests once; fixed', 'The rounding test still fails'],
          solving: 'The user refused adding requests; urllib has a timeout.',
          messages: ['Earlier messages are in the previous summary', 'Timeout for lade_feiertage, 5 s', 'passt; changelog entry for 0.4.1'],
          pending: ['Rounding rule: payroll office'],
          current: 'Changelog written.',
          next: 'None.',
        }),
      },
    ];
  },
};
