// An English user in a hurry (lowercase, typos, "pls") and a plain-javac retry-policy library: the
// policy is read from .properties files, and a colleague's merge switched the delays to "350ms"/"4s"
// while the parser still calls Long.parseLong. The hand-rolled checks (tests/retry/Checks.java, run by
// `sh test.sh`, "ok   …" / "FAIL …" rows and a "checks: N, failed: M" line, no JUnit) die at load
// time, and what went wrong is only on the stack trace's "Caused by:" line. The work happens on a
// branch that is merged and deleted; java.time's Duration.parse is tried and dropped; a suffix table
// first matches "s" before "ms" (a second Caused-by). A standing rule arrives as "from now on …"; an
// `git commit --amend` is refused; the agent stashes its change to see whether the ops-owned prod
// config failed before it too, then pops it. One /compact, at the end. Written as a held-out
// scenario: not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

const POLICY = `package retry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Exponential backoff read from a .properties file:
 * retry.max-attempts, retry.base-delay, retry.multiplier, retry.max-delay.
 */
public final class RetryPolicy {
    final int maxAttempts;
    final Duration baseDelay;
    final double multiplier;
    final Duration maxDelay;

    RetryPolicy(int maxAttempts, Duration baseDelay, double multiplier, Duration maxDelay) {
        this.maxAttempts = maxAttempts;
        this.baseDelay = baseDelay;
        this.multiplier = multiplier;
        this.maxDelay = maxDelay;
    }

    public static RetryPolicy load(Path file) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return fromProperties(p);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot load retry policy from " + file, e);
        }
    }

    static RetryPolicy fromProperties(Properties p) {
        int attempts = Integer.parseInt(p.getProperty("retry.max-attempts", "3").trim());
        if (attempts < 1) {
            throw new IllegalArgumentException("retry.max-attempts must be >= 1, got " + attempts);
        }
        Duration base = delay(p, "retry.base-delay", "100");
        double multiplier = Double.parseDouble(p.getProperty("retry.multiplier", "2").trim());
        Duration max = delay(p, "retry.max-delay", "10000");
        return new RetryPolicy(attempts, base, multiplier, max);
    }

    static Duration delay(Properties p, String key, String fallback) {
        String value = p.getProperty(key, fallback).trim();
        return Duration.ofMillis(Long.parseLong(value));
    }

    /** The waits before attempts 2..maxAttempts, each capped at maxDelay. */
    public List<Duration> schedule() {
        List<Duration> waits = new ArrayList<>();
        double next = baseDelay.toMillis();
        for (int attempt = 2; attempt <= maxAttempts; attempt++) {
            waits.add(Duration.ofMillis(Math.min((long) next, maxDelay.toMillis())));
            next *= multiplier;
        }
        return waits;
    }
}
`;

const MAIN_PRINT = `        for (int i = 0; i < waits.size(); i++) {
            System.out.printf("  before attempt %d: wait %d ms%n", i + 2, waits.get(i).toMillis());
        }
`;

const MAIN = `package retry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** java -cp out retry.Main [config/app.properties]: prints the backoff schedule. */
public final class Main {
    public static void main(String[] args) {
        Path file = Path.of(args.length > 0 ? args[0] : "config/app.properties");
        RetryPolicy policy = RetryPolicy.load(file);
        List<Duration> waits = policy.schedule();
        System.out.println(file + ": " + policy.maxAttempts + " attempts");
${MAIN_PRINT}    }
}
`;

const CHECKS_CASES_END = '        check("single attempt: no waits", List.of(), millis(RetryPolicy.fromProperties(one).schedule()));\n';

const CHECKS = `package retry;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;

/** No JUnit here: one row per check, "ok" or "FAIL", and a summary line. sh test.sh runs it. */
public final class Checks {
    static int run;
    static int failed;

    static void check(String name, Object expected, Object actual) {
        run++;
        if (Objects.equals(expected, actual)) {
            System.out.println("ok   " + name);
        } else {
            failed++;
            System.out.println("FAIL " + name + ": expected " + expected + ", got " + actual);
        }
    }

    static List<Long> millis(List<Duration> waits) {
        List<Long> out = new ArrayList<>();
        for (Duration d : waits) out.add(d.toMillis());
        return out;
    }

    public static void main(String[] args) {
        RetryPolicy app = RetryPolicy.load(Path.of("config/app.properties"));
        check("app: attempts", 6, app.maxAttempts);
        check("app: base delay", Duration.ofMillis(350), app.baseDelay);
        check("app: multiplier", 2.0, app.multiplier);
        check("app: max delay", Duration.ofSeconds(4), app.maxDelay);
        check("app: schedule", List.of(350L, 700L, 1400L, 2800L, 4000L), millis(app.schedule()));

        Properties one = new Properties();
        one.setProperty("retry.max-attempts", "1");
${CHECKS_CASES_END}
        System.out.println("checks: " + run + ", failed: " + failed);
        System.exit(failed == 0 ? 0 : 1);
    }
}
`;

const TEST_SH =
  '#!/bin/sh\n# Builds everything with plain javac and runs the checks (no JUnit, no build tool).\nset -e\nrm -rf out\n' +
  'javac -d out $(find src tests -name "*.java")\njava -cp out retry.Checks\n';

const APP = '# merged from karol/delay-suffixes\nretry.max-attempts=6\nretry.base-delay=350ms\nretry.multiplier=2\nretry.max-delay=4s\n';
const PROD = '# owned by ops (deploy/prod); do not edit here\nretry.max-attempts=0\nretry.base-delay=1s\nretry.multiplier=3\nretry.max-delay=30s\n';

const README =
  '# retrykit\n\nExponential backoff for our HTTP clients, configured from a .properties file.\n\n' +
  '| key | meaning |\n|---|---|\n| retry.max-attempts | attempts in total, at least 1 |\n| retry.base-delay | first wait, in milliseconds |\n' +
  '| retry.multiplier | factor between waits |\n| retry.max-delay | cap for one wait, in milliseconds |\n\n    sh test.sh\n';

const CHANGELOG =
  '# Changelog\n\n## 0.3.0\n\n- RetryPolicy.schedule() caps every wait at retry.max-delay.\n\n## 0.2.0\n\n- First version used by the billing client.\n';

const DELAY_OLD = '        return Duration.ofMillis(Long.parseLong(value));\n';
const DELAY_ISO = '        return Duration.parse("PT" + value.toUpperCase());\n';
const DELAY_OWN = '        return Durations.parse(value);\n';

const durations = (order) => `package retry;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** "350ms", "4s", "2m", "1h" -> Duration; a bare number is milliseconds. */
final class Durations {
    private static final Map<String, Long> UNITS = new LinkedHashMap<>();

    static {
${order.map(([unit, ms]) => `        UNITS.put("${unit}", ${ms}L);`).join('\n')}
    }

    private Durations() {}

    static Duration parse(String text) {
        String value = text.trim().toLowerCase();
        try {
            for (Map.Entry<String, Long> unit : UNITS.entrySet()) {
                if (value.endsWith(unit.getKey())) {
                    String number = value.substring(0, value.length() - unit.getKey().length()).trim();
                    return Duration.ofMillis(Long.parseLong(number) * unit.getValue());
                }
            }
            return Duration.ofMillis(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad duration: \\"" + text + "\\"", e);
        }
    }
}
`;
const DURATIONS_BUGGY = durations([
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1_000],
  ['ms', 1],
]);
const ORDER_OLD = '        UNITS.put("h", 3600000L);\n        UNITS.put("m", 60000L);\n        UNITS.put("s", 1000L);\n        UNITS.put("ms", 1L);\n';
const ORDER_NEW =
  '        // "ms" before "s" and "m": the longest suffix has to win\n' +
  '        UNITS.put("ms", 1L);\n        UNITS.put("h", 3600000L);\n        UNITS.put("m", 60000L);\n        UNITS.put("s", 1000L);\n';

const CHECKS_NEW =
  CHECKS_CASES_END +
  '        check("durations: 350ms", Duration.ofMillis(350), Durations.parse("350ms"));\n' +
  '        check("durations: 4s", Duration.ofSeconds(4), Durations.parse("4s"));\n' +
  '        check("durations: 2m", Duration.ofMinutes(2), Durations.parse("2m"));\n' +
  '        check("durations: 1h", Duration.ofHours(1), Durations.parse("1h"));\n' +
  '        check("durations: bare number is ms", Duration.ofMillis(250), Durations.parse("250"));\n' +
  '        check("durations: spaces and case", Duration.ofMillis(1500), Durations.parse(" 1500MS "));\n';

const README_OLD =
  '| retry.base-delay | first wait, in milliseconds |\n| retry.multiplier | factor between waits |\n| retry.max-delay | cap for one wait, in milliseconds |\n';
const README_NEW =
  '| retry.base-delay | first wait, e.g. `350ms`, `2s` |\n| retry.multiplier | factor between waits |\n| retry.max-delay | cap for one wait, e.g. `4s`, `1m` |\n\n' +
  'Delays take a unit suffix: `ms`, `s`, `m` or `h`. A bare number is milliseconds (the old format still loads).\n';

const MAIN_TOTAL =
  MAIN_PRINT +
  '        long total = 0;\n        for (Duration wait : waits) total += wait.toMillis();\n' +
  '        System.out.printf("worst case: %d attempts, %.2f s waiting in total%n", policy.maxAttempts, total / 1000.0);\n';

const CHANGELOG_OLD = '# Changelog\n\n';
const CHANGELOG_NEW =
  '# Changelog\n\n## Unreleased\n\n- Delays in the .properties files take `ms`, `s`, `m`, `h` suffixes (`retry.base-delay=350ms`); bare numbers are still milliseconds.\n' +
  '- `retry.Main` prints the worst-case total wait after the schedule.\n\n';

export const scenario = {
  name: 'java-git-hurried',
  about:
    'held out: English user in a hurry with typos, plain javac retry library with hand-rolled checks run by sh test.sh, the cause only on a stack trace\'s "Caused by:" line, a branch created and deleted, a stash/pop to test the committed tree, a refused commit --amend, a "from now on" rule, Duration.parse tried and dropped, one /compact',
  requires: ['javac', 'java', 'git', 'sh'],
  files: {
    '.gitignore': 'out/\n',
    'README.md': README,
    'CHANGELOG.md': CHANGELOG,
    'test.sh': TEST_SH,
    'config/app.properties': APP,
    'config/prod.properties': PROD,
    'src/retry/RetryPolicy.java': POLICY,
    'src/retry/Main.java': MAIN,
    'tests/retry/Checks.java': CHECKS,
  },
  build(k, { edit, write }) {
    const green = k.request('make sh test.sh green again');
    const plain = k.constraint('no deps, plain javac');
    k.error('NumberFormatException: For input string: "350ms"', 'resolved');
    const iso = k.rejected('Duration.parse("PT" + value.toUpperCase())', 'ISO-8601 has no millisecond unit, so PT350MS is not a duration');
    k.error('DateTimeParseException: Text cannot be parsed to a Duration');
    const table = k.decision(
      'parse the unit suffix ourselves with a small table',
      'rewriting every ms value into fractional seconds for java.time is more code than the parser',
      'rewriting 350ms into PT0.35S before Duration.parse',
    );
    k.file('src/retry/Durations.java');
    k.file('src/retry/RetryPolicy.java');
    k.file('tests/retry/Checks.java');
    k.error('NumberFormatException: For input string: "350m"', 'resolved');
    const longest = k.decision('put ms first so the longest suffix wins', 'every value that ends in ms also ends in s', 'a regex that splits number and unit');
    k.number('checks: 12, failed: 0');
    const merge = k.request('merge it into main and delete the branch');
    const rule = k.constraint('from now on run sh test.sh before evry commit');
    const readme = k.request('readme still says base-delay is in millis');
    k.file('README.md');
    const amend = k.refusal('no amend!! main is pushed already, make a new commit');
    const total = k.request('make Main print the total worst case wait at the end');
    const sum = k.decision('add up the capped waits from schedule()', 'the max-delay cap breaks the geometric series', 'the closed-form geometric sum');
    k.file('src/retry/Main.java');
    k.number('9.25 s');
    k.number('4000 ms');
    k.error('retry.max-attempts must be >= 1, got 0', 'unresolved');
    const prod = k.constraint('dont touch config/prod.properties, ops owns it');
    const changelog = k.request('add a CHANGELOG.md entry for the suffixes + the total');
    k.file('CHANGELOG.md');
    k.lastRequest(changelog);
    k.check('sh test.sh', 'passing');
    k.not('constraints', merge, 'a request is not a standing rule');
    k.not('decisions', iso.what, 'tried and dropped: a rejected approach, not a decision');
    k.not('rejected', longest.choice, 'the fix that was kept is not a dead end');
    k.not('errors', 'main is pushed already', "the user's refusal is not a tool error");

    const tests = 'sh test.sh 2>&1 | tail -n 20';
    const amendCmd = 'git add README.md && git commit --amend --no-edit';

    return [
      {
        user: `tests r red since i merged karols branch (he switched the delays in app.properties to "4s" style). ${green}, on a branch pls, fix/retry-durations. ${plain}`,
        model: [
          [think('Branch first, then see what fails.'), bash('git switch -c fix/retry-durations', 'Create the branch')],
          [bash(tests, 'Run the checks')],
          [
            think(
              'Checks never got to run: load() throws. The top line only says it cannot load app.properties; the cause line further down has the real thing: ' +
                'Long.parseLong is handed the suffixed value. java.time already knows durations, try that first: prefix PT and upper-case.',
            ),
            edit('src/retry/RetryPolicy.java', DELAY_OLD, DELAY_ISO),
          ],
          [bash(tests, 'Run the checks')],
          [
            think(
              `No: ${iso.why}. "4s" would work, the ms values cannot. ` +
                `Option: ${table.alternative}, or ${table.choice}. The second; ${table.reason}, and a bare number can stay milliseconds so old files still load.`,
            ),
            edit('src/retry/RetryPolicy.java', DELAY_ISO, DELAY_OWN),
          ],
          [write('src/retry/Durations.java', DURATIONS_BUGGY)],
          [edit('tests/retry/Checks.java', CHECKS_CASES_END, CHECKS_NEW)],
          [bash(tests, 'Run the checks')],
          [
            think(
              `Loop order: "s" is tried before "ms", so 350ms loses its s and the rest does not parse. Fix: ${longest.choice}; ${longest.reason}. ` +
                `Not ${longest.alternative}: the table stays a plain map and the fix is one reorder.`,
            ),
            edit('src/retry/Durations.java', ORDER_OLD, ORDER_NEW),
          ],
          [bash('sh test.sh 2>&1 | tail -n 14', 'Run the checks')],
          [bash('git add -A && git commit -qm "Parse ms/s/m/h suffixes in retry delays" && git log --oneline -2', 'Commit on the branch')],
          [
            say(
              'Green, committed on `fix/retry-durations`.\n\n- `Durations.parse` handles `ms`/`s`/`m`/`h`, a bare number is still ms\n- `RetryPolicy.delay()` uses it for base-delay and max-delay\n- 6 new duration checks in Checks.java\n\n' +
                'Tried `java.time.Duration.parse` first, dropped it (no ms unit in ISO-8601).',
            ),
          ],
        ],
      },
      {
        user: `ok ${merge}. ${rule}, karol didnt and thats how we got here`,
        model: [
          [
            bash(
              'git switch main && git merge --ff-only fix/retry-durations && git branch -d fix/retry-durations && git log --oneline -3 && git branch',
              'Merge and delete the branch',
            ),
          ],
          [say('Fast-forwarded main, branch deleted. Will run `sh test.sh` before every commit.')],
        ],
      },
      {
        user: `${readme}. fix pls`,
        model: [
          [edit('README.md', README_OLD, README_NEW)],
          [bash('sh test.sh 2>&1 | tail -n 1', 'Checks before committing')],
          [think('Small doc fix that belongs with the suffix commit; fold it in.'), bash(amendCmd, 'Amend the last commit')],
          [bash('git add README.md && git commit -qm "README: delay suffixes" && git log --oneline -3', 'Commit the README separately')],
          [say('README table updated (suffix examples + a line on bare numbers), separate commit on main.')],
        ],
        refuse: { [amendCmd]: amend },
      },
      {
        user: `next: ${total}, ops keeps asking`,
        model: [
          [
            think(`Total = ${sum.choice}, not ${sum.alternative}: ${sum.reason} (4s cap here). Print it after the per-attempt lines.`),
            edit('src/retry/Main.java', MAIN_PRINT, MAIN_TOTAL),
          ],
          [bash('sh test.sh 2>&1 | tail -n 1 && java -cp out retry.Main config/app.properties', 'Build and run Main')],
          [
            think('Ops will run it on prod too. Try it.'),
            bash('java -cp out retry.Main config/prod.properties 2>&1 | tail -n 8', 'Run Main on the prod config'),
          ],
          [
            think('Cannot load prod. Did my change do that? Stash it, build the committed tree, run again.'),
            bash(
              "git stash && sh test.sh > /dev/null && java -cp out retry.Main config/prod.properties 2>&1 | grep -E '^(Exception|Caused by)'",
              'Same run on the committed tree',
            ),
          ],
          [bash('git stash pop && git status --short && sh test.sh 2>&1 | tail -n 1', 'Restore the change and rebuild')],
          [
            say(
              '`retry.Main` now ends with a worst-case line (attempts + total wait).\n\n' +
                'Heads-up: `config/prod.properties` does not load at all — `retry.max-attempts=0` there, and the check rejects anything below 1. ' +
                'Same on the committed tree without my change (stashed, ran, popped), so it is older. Set it to something sane, or leave it?',
            ),
          ],
        ],
      },
      {
        user: `no ${prod}. ill ping them. commit the Main change`,
        model: [
          [
            bash(
              'sh test.sh 2>&1 | tail -n 1 && git add src/retry/Main.java && git commit -qm "Main: print the worst-case total wait" && git log --oneline -1',
              'Checks, then commit',
            ),
          ],
          [say('Checks green, committed. prod.properties untouched.')],
        ],
      },
      {
        user: `last thing, ${changelog}. commit it too`,
        model: [
          [edit('CHANGELOG.md', CHANGELOG_OLD, CHANGELOG_NEW)],
          [
            bash(
              'sh test.sh 2>&1 | tail -n 1 && git add CHANGELOG.md && git commit -qm "CHANGELOG: delay suffixes, worst-case total" && git log --oneline -4',
              'Checks, then commit',
            ),
          ],
          [say('CHANGELOG has an **Unreleased** section with both entries; checks green, committed.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'User in a hurry. Plain javac retry library; checks are a hand-written main() run by sh test.sh.',
          intent:
            'Make the checks pass after the delay-suffix config change, merge and clean up the branch, fix the README, print the worst-case wait in Main, add a CHANGELOG entry. Plain javac, no dependencies.',
          concepts: ['java.time.Duration', 'properties files', 'git branch / stash / merge'],
          files: [
            'src/retry/Durations.java: suffix parser',
            'src/retry/RetryPolicy.java: uses it',
            'tests/retry/Checks.java: duration checks',
            'README.md',
            'src/retry/Main.java: worst-case total',
            'CHANGELOG.md',
          ],
          errors: [
            'Config failed to load because delays had unit suffixes; fixed',
            'Suffix order bug for ms; fixed',
            'The prod config does not load (max attempts); left to ops',
          ],
          solving: 'ISO-8601 parsing was tried and dropped. The user refused amending a pushed commit. A stash showed the prod problem predates the change.',
          messages: [
            'Fix the tests on a branch; plain javac',
            'Merge and delete the branch; run tests before every commit',
            'Fix the README',
            'Refused the amend',
            'Main should print the total',
            'Leave prod.properties to ops; commit',
            'CHANGELOG entry',
          ],
          pending: ['ops to fix config/prod.properties'],
          current: 'CHANGELOG committed.',
          next: 'None.',
        }),
      },
    ];
  },
};
