// A chatty English user in a long Java 17 session (plain javac and a hand-rolled test runner, no build
// tool) on a small LRU cache library: many small tasks, four compactions in the middle, the agent's
// questions answered with "option B", "sure go ahead" and "ok". The user pastes a production stack
// trace in the first message (its lines are the user's text, not tool output). A crash in evictExpired
// is reproduced and fixed; the capacity-0 test fails from the start and stays failing (a colleague is
// deciding what 0 should mean); a record is refused by --release 11 and becomes a class; a striped cache
// is written, benchmarked and deleted. The model writes no thinking text (`thinking: false`), so its
// decisions are in its replies. Written as a held-out scenario: not tuned on.
import { bash, ccSummary, say, think } from '../kit.mjs';

const empty = () => think('');

const CACHE =
  'package cache;\n\nimport java.util.LinkedHashMap;\nimport java.util.Map;\nimport java.util.function.LongSupplier;\n\n' +
  '/** A size-bounded LRU cache whose entries expire after a time-to-live. Thread-safe (one lock). */\npublic class LruCache<K, V> {\n' +
  '    private final int capacity;\n    private final long ttlMillis;\n    private final LongSupplier clock;\n    private final LinkedHashMap<K, Item<V>> map;\n\n' +
  '    static final class Item<V> {\n        final V value;\n        final long expiresAt;\n\n' +
  '        Item(V value, long expiresAt) {\n            this.value = value;\n            this.expiresAt = expiresAt;\n        }\n    }\n\n' +
  '    public LruCache(int capacity, long ttlMillis, LongSupplier clock) {\n        this.capacity = capacity;\n        this.ttlMillis = ttlMillis;\n        this.clock = clock;\n' +
  '        this.map = new LinkedHashMap<>(16, 0.75f, true) {\n            @Override\n            protected boolean removeEldestEntry(Map.Entry<K, Item<V>> eldest) {\n' +
  '                return size() > LruCache.this.capacity;\n            }\n        };\n    }\n\n' +
  '    public synchronized V get(K key) {\n        Item<V> e = map.get(key);\n        if (e == null) {\n            return null;\n        }\n' +
  '        if (e.expiresAt <= clock.getAsLong()) {\n            map.remove(key);\n            return null;\n        }\n        return e.value;\n    }\n\n' +
  '    public synchronized void put(K key, V value) {\n        map.put(key, new Item<>(value, clock.getAsLong() + ttlMillis));\n    }\n\n' +
  '    public synchronized int size() {\n        return map.size();\n    }\n\n    public synchronized void clear() {\n        map.clear();\n    }\n\n' +
  "    /** Drops expired entries; the owner's scheduled sweeper calls it. */\n    public synchronized int evictExpired() {\n        long now = clock.getAsLong();\n        int removed = 0;\n" +
  '        for (K key : map.keySet()) {\n            if (map.get(key).expiresAt <= now) {\n                map.remove(key);\n                removed++;\n            }\n        }\n        return removed;\n    }\n}\n';

const RUNNER =
  'package cache;\n\nimport java.lang.reflect.InvocationTargetException;\nimport java.lang.reflect.Method;\nimport java.util.Arrays;\nimport java.util.Comparator;\n\n' +
  '/** The test runner: every test* method of LruCacheTest, in name order. No JUnit on purpose. */\npublic class TestRunner {\n' +
  '    public static void main(String[] args) throws Exception {\n        int run = 0;\n        int failed = 0;\n        Method[] methods = LruCacheTest.class.getDeclaredMethods();\n' +
  '        Arrays.sort(methods, Comparator.comparing(Method::getName));\n        for (Method m : methods) {\n            if (!m.getName().startsWith("test")) {\n                continue;\n            }\n            run++;\n' +
  '            try {\n                m.invoke(new LruCacheTest());\n                System.out.println("ok   " + m.getName());\n            } catch (InvocationTargetException e) {\n' +
  '                failed++;\n                System.out.println("FAIL " + m.getName() + ": " + e.getCause());\n            }\n        }\n' +
  '        System.out.println(run + " tests, " + failed + " failed");\n        if (failed > 0) {\n            System.exit(1);\n        }\n    }\n\n' +
  '    static void check(boolean condition, String what) {\n        if (!condition) {\n            throw new AssertionError(what);\n        }\n    }\n}\n';

const TESTS =
  'package cache;\n\nimport static cache.TestRunner.check;\n\npublic class LruCacheTest {\n    private final long[] now = {1000};\n\n' +
  '    private LruCache<String, Integer> cache(int capacity) {\n        return new LruCache<>(capacity, 500, () -> now[0]);\n    }\n\n' +
  '    void testGetReturnsPut() {\n        var c = cache(4);\n        c.put("a", 1);\n        check(c.get("a") == 1, "a");\n    }\n\n' +
  '    void testMissingIsNull() {\n        check(cache(4).get("x") == null, "missing");\n    }\n\n' +
  '    void testEvictsLeastRecentlyUsed() {\n        var c = cache(2);\n        c.put("a", 1);\n        c.put("b", 2);\n        c.get("a");\n        c.put("c", 3);\n' +
  '        check(c.get("b") == null, "b evicted");\n        check(c.get("a") == 1, "a kept");\n    }\n\n' +
  '    void testExpires() {\n        var c = cache(4);\n        c.put("a", 1);\n        now[0] += 500;\n        check(c.get("a") == null, "expired");\n    }\n\n' +
  '    void testSizeBounded() {\n        var c = cache(3);\n        for (int i = 0; i < 10; i++) {\n            c.put("k" + i, i);\n        }\n        check(c.size() == 3, "size 3");\n    }\n\n' +
  '    void testCapacityZeroRejected() {\n        try {\n            new LruCache<String, Integer>(0, 500, () -> 0L);\n        } catch (IllegalArgumentException expected) {\n            return;\n        }\n' +
  '        throw new AssertionError("capacity 0 should be rejected");\n    }\n}\n';

const BENCH =
  'package cache;\n\nimport java.util.Random;\n\n/** Replays a seeded, skewed stream of 100,000 lookups against a 1,000-entry cache. */\npublic class Bench {\n' +
  '    public static void main(String[] args) {\n        long[] now = {0};\n        LruCache<Integer, Integer> cache = new LruCache<>(1000, 60_000, () -> now[0]);\n' +
  '        Random random = new Random(42);\n        int requests = 100_000;\n        long started = System.nanoTime();\n        for (int i = 0; i < requests; i++) {\n            now[0] += 3;\n' +
  '            int key = (int) Math.abs(random.nextGaussian() * 800);\n            if (cache.get(key) == null) {\n                cache.put(key, key * 2);\n            }\n        }\n' +
  '        long ms = (System.nanoTime() - started) / 1_000_000;\n        System.out.println("requests: " + requests + ", size: " + cache.size() + ", time: " + ms + " ms");\n    }\n}\n';

const STRIPED =
  "package cache;\n\nimport java.util.Locale;\nimport java.util.Random;\n\n/** 16 independently locked LruCache segments, picked by the key's hash. */\npublic class StripedLruCache<K, V> {\n" +
  '    private final LruCache<K, V>[] segments;\n\n    @SuppressWarnings("unchecked")\n    public StripedLruCache(int capacity, long ttlMillis, java.util.function.LongSupplier clock) {\n' +
  '        segments = new LruCache[16];\n        for (int i = 0; i < segments.length; i++) {\n            segments[i] = new LruCache<>(Math.max(1, capacity / segments.length), ttlMillis, clock);\n        }\n    }\n\n' +
  '    private LruCache<K, V> segment(K key) {\n        return segments[(key.hashCode() & 0x7fffffff) % segments.length];\n    }\n\n' +
  '    public V get(K key) {\n        return segment(key).get(key);\n    }\n\n    public void put(K key, V value) {\n        segment(key).put(key, value);\n    }\n\n' +
  '    /** Same workload as Bench, for a quick comparison. */\n    public static void main(String[] args) {\n        long[] now = {0};\n' +
  '        StripedLruCache<Integer, Integer> cache = new StripedLruCache<>(1000, 60_000, () -> now[0]);\n        Random random = new Random(42);\n        for (int i = 0; i < 100_000; i++) {\n' +
  '            now[0] += 3;\n            int key = (int) Math.abs(random.nextGaussian() * 800);\n            if (cache.get(key) == null) {\n                cache.put(key, key * 2);\n            }\n        }\n' +
  '        long hits = 0;\n        long misses = 0;\n        for (LruCache<Integer, Integer> s : cache.segments) {\n            hits += s.hits();\n            misses += s.misses();\n        }\n' +
  '        System.out.println(String.format(Locale.ROOT, "striped: hits: %d, misses: %d, hit rate: %.2f%%", hits, misses, 100.0 * hits / (hits + misses)));\n    }\n}\n';

const RUN_TESTS =
  '#!/bin/sh\n# Compiles src/ and tests/ into out/ and runs the hand-rolled test runner. Plain JDK, no build tool.\nset -e\nrm -rf out\n' +
  "javac -d out $(find src tests -name '*.java')\njava -cp out cache.TestRunner\n";

export const scenario = {
  name: 'java-chatty-marathon',
  about:
    'held out: chatty user, long Java 17 session (javac + hand-rolled runner), four mid-session compactions, many small tasks, "option B"/"sure go ahead"/"ok" answers, a pasted stack trace, a file created and deleted, bench figures, no thinking text',
  requires: ['javac', 'java', 'git'],
  thinking: false,
  files: {
    '.gitignore': 'out/\n',
    'README.md':
      '# lrucache\n\nA small LRU cache with expiry, used by the session store.\n\n    sh run-tests.sh                      # tests\n    java -cp out cache.Bench             # benchmark\n',
    'run-tests.sh': RUN_TESTS,
    'src/cache/LruCache.java': CACHE,
    'src/cache/Bench.java': BENCH,
    'tests/cache/TestRunner.java': RUNNER,
    'tests/cache/LruCacheTest.java': TESTS,
  },
  build(k, { edit, write }) {
    const crash = k.request('can you fix the crash in evictExpired');
    k.error('FAIL testEvictExpiredWhileIterating', 'resolved');
    const iterator = k.decision(
      'remove expired entries through the iterator',
      'it.remove() is constant time per entry and allocates nothing on every sweep',
      'collecting the expired keys into a list and removing them after the loop',
    );
    k.error('FAIL testCapacityZeroRejected', 'unresolved');
    k.file('src/cache/LruCache.java');
    k.file('tests/cache/LruCacheTest.java');
    const counters = k.request('add hit/miss counters to the cache and have the Bench print them');
    const plain = k.decision(
      'plain long fields for the counters',
      'every method that touches them is already synchronized on the cache',
      'AtomicLong counters',
    );
    k.file('src/cache/Bench.java');
    k.number('64.39');
    k.number('64390');
    k.number('35610');
    k.number('34605');
    const release = k.constraint('it has to keep compiling with --release 11');
    const jars = k.constraint('no third-party jars, ever');
    const statsReq = k.request('add a stats() method that returns a snapshot of the counters');
    k.error('records are not supported in -source 11', 'resolved');
    k.file('src/cache/CacheStats.java');
    k.file('run-tests.sh');
    const faster = k.request('can we make get() faster');
    const striped = k.rejected(
      'StripedLruCache',
      'each of the 16 segments evicts its own oldest entry, so the cache as a whole stops being LRU and the hit rate drops',
    );
    k.number('64.00');
    k.file('README.md');
    const changelog = k.request('write a CHANGELOG entry for everything we did today');
    k.file('CHANGELOG.md');
    k.check('sh run-tests.sh', 'failing');
    k.lastRequest(changelog);
    k.not('errors', 'at app.SessionStore.sweep(SessionStore.java:41)', 'a frame of the stack trace the user pasted');
    k.not('errors', 'Exception in thread "worker-3"', 'the head of the pasted trace, not tool output');
    k.not('numbers', '840', 'a latency the user typed, not a measurement');
    k.not('constraints', counters, 'a request is not a standing rule');
    k.not('rejected', 'AtomicLong counters', 'an alternative dismissed in a reply, never tried');

    const TRACE =
      'Exception in thread "worker-3" java.util.ConcurrentModificationException\n' +
      '\tat java.base/java.util.LinkedHashMap$LinkedHashIterator.nextNode(LinkedHashMap.java:756)\n' +
      '\tat java.base/java.util.LinkedHashMap$LinkedKeyIterator.next(LinkedHashMap.java:778)\n' +
      '\tat cache.LruCache.evictExpired(LruCache.java:67)\n' +
      '\tat app.SessionStore.sweep(SessionStore.java:41)\n' +
      '\tat java.base/java.util.concurrent.Executors$RunnableAdapter.call(Executors.java:539)\n' +
      '\tat java.base/java.util.concurrent.FutureTask.runAndReset(FutureTask.java:305)\n' +
      '\tat java.base/java.lang.Thread.run(Thread.java:833)';
    const tests = 'sh run-tests.sh';
    const bench = 'sh run-tests.sh > /dev/null; java -cp out cache.Bench';
    const loopOld =
      '        for (K key : map.keySet()) {\n            if (map.get(key).expiresAt <= now) {\n                map.remove(key);\n                removed++;\n            }\n        }\n';
    const loopNew =
      '        for (Iterator<Item<V>> it = map.values().iterator(); it.hasNext();) {\n            if (it.next().expiresAt <= now) {\n                it.remove();\n                removed++;\n            }\n        }\n';
    const statsRecord =
      "package cache;\n\n/** A snapshot of a cache's counters. */\npublic record CacheStats(long hits, long misses, long evictions) {\n" +
      '    public double hitRate() {\n        return hits + misses == 0 ? 0 : 100.0 * hits / (hits + misses);\n    }\n}\n';
    const statsClass =
      "package cache;\n\n/** A snapshot of a cache's counters (a class, not a record: the library must build with --release 11). */\npublic final class CacheStats {\n" +
      '    private final long hits;\n    private final long misses;\n    private final long evictions;\n\n' +
      '    public CacheStats(long hits, long misses, long evictions) {\n        this.hits = hits;\n        this.misses = misses;\n        this.evictions = evictions;\n    }\n\n' +
      '    public long hits() {\n        return hits;\n    }\n\n    public long misses() {\n        return misses;\n    }\n\n    public long evictions() {\n        return evictions;\n    }\n\n' +
      '    public double hitRate() {\n        return hits + misses == 0 ? 0 : 100.0 * hits / (hits + misses);\n    }\n}\n';

    return [
      {
        user:
          "Morning!! ☀️ Hope your weekend was better than mine lol. So the session store fell over on Saturday night, ops paged me at 2am and p99 latency went to 840 ms before the sweeper thread died, here's what was in the log:\n\n" +
          `${TRACE}\n\n` +
          `It only happens under load I think? Anyway, ${crash}? Tests are sh run-tests.sh, it's just javac and our little runner, no Gradle or anything. Thanks a million!`,
        model: [
          [empty(), say('Oof, sorry about the 2am page. Let me run the tests first to see where we stand.'), bash(tests, 'Run the tests')],
          [
            empty(),
            say(
              "Five pass; testCapacityZeroRejected fails, but that's about the constructor, not your crash. The trace points at the loop in evictExpired: it walks keySet() and calls map.get() and map.remove() inside it, " +
                'and in an access-ordered LinkedHashMap even get() reorders the entries. A test that reproduces it first:',
            ),
            edit(
              'tests/cache/LruCacheTest.java',
              '    void testCapacityZeroRejected() {\n',
              '    void testEvictExpiredWhileIterating() {\n        var c = cache(8);\n        c.put("a", 1);\n        c.put("b", 2);\n        c.put("c", 3);\n        now[0] += 500;\n' +
                '        check(c.evictExpired() == 3, "three expired");\n        check(c.size() == 0, "empty");\n    }\n\n    void testCapacityZeroRejected() {\n',
            ),
          ],
          [empty(), bash(tests, 'Run the tests with the new one')],
          [
            empty(),
            say(`Reproduced. For the fix: ${iterator.alternative}, or ${iterator.choice}. I'll ${iterator.choice}: ${iterator.reason}.`),
            edit('src/cache/LruCache.java', loopOld, loopNew),
          ],
          [empty(), edit('src/cache/LruCache.java', 'import java.util.LinkedHashMap;\n', 'import java.util.Iterator;\nimport java.util.LinkedHashMap;\n')],
          [empty(), bash(tests, 'Run the tests')],
          [
            empty(),
            say(
              'Fixed! evictExpired now removes through the iterator, and the new test covers it. The capacity-0 test still fails as before.\n\n' +
                'One question about when the sweep runs:\n- Option A: also sweep on every put(), so expired entries never pile up\n- Option B: keep the sweep on the scheduled timer only, as now\n\nWhich do you prefer?',
            ),
          ],
        ],
      },
      {
        user: 'option B',
        model: [
          [
            empty(),
            edit(
              'src/cache/LruCache.java',
              "    /** Drops expired entries; the owner's scheduled sweeper calls it. */\n",
              "    /**\n     * Drops expired entries; the owner's scheduled sweeper calls it (put() never sweeps, so a put stays O(1)).\n     */\n",
            ),
          ],
          [empty(), say('Done: the sweep stays on the timer only; I noted that in the Javadoc of evictExpired.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'The user reported a crash in the sweeper; fixed with a reproducing test.',
          intent: 'Fix the ConcurrentModificationException in LruCache.evictExpired.',
          concepts: ['Access-ordered LinkedHashMap', 'Hand-rolled test runner'],
          files: ['src/cache/LruCache.java: evictExpired uses the iterator', 'tests/cache/LruCacheTest.java: new test'],
          errors: ['The sweep crashed while iterating; fixed', 'The capacity-zero test fails (pre-existing)'],
          solving: 'Sweep stays on the timer (user chose option B).',
          messages: ['Fix the crash in evictExpired (pasted stack trace)', 'option B'],
          pending: [],
          current: 'Fix done.',
          next: 'Wait for the user.',
        }),
      },
      {
        user:
          "You're a star ⭐ ops says the sweeper has been fine all morning. Next thing on my list (it's a long list today, sorry!!): " +
          `${counters}, I want to know if the 1,000 entries are even enough.`,
        model: [
          [
            empty(),
            say(`Counters: ${plain.alternative}, or ${plain.choice}. I'll use ${plain.choice}, because ${plain.reason}.`),
            edit(
              'src/cache/LruCache.java',
              '    private final LinkedHashMap<K, Item<V>> map;\n',
              '    private final LinkedHashMap<K, Item<V>> map;\n    private long hits;\n    private long misses;\n    private long evictions;\n',
            ),
          ],
          [
            empty(),
            edit(
              'src/cache/LruCache.java',
              '                return size() > LruCache.this.capacity;\n',
              '                if (size() > LruCache.this.capacity) {\n                    evictions++;\n                    return true;\n                }\n                return false;\n',
            ),
          ],
          [
            empty(),
            edit(
              'src/cache/LruCache.java',
              '        Item<V> e = map.get(key);\n        if (e == null) {\n            return null;\n        }\n        if (e.expiresAt <= clock.getAsLong()) {\n            map.remove(key);\n            return null;\n        }\n        return e.value;\n',
              '        Item<V> e = map.get(key);\n        if (e == null) {\n            misses++;\n            return null;\n        }\n        if (e.expiresAt <= clock.getAsLong()) {\n            map.remove(key);\n            misses++;\n            return null;\n        }\n        hits++;\n        return e.value;\n',
            ),
          ],
          [
            empty(),
            edit(
              'src/cache/LruCache.java',
              '    public synchronized int size() {\n',
              '    public synchronized long hits() {\n        return hits;\n    }\n\n    public synchronized long misses() {\n        return misses;\n    }\n\n' +
                '    public synchronized long evictions() {\n        return evictions;\n    }\n\n    public synchronized int size() {\n',
            ),
          ],
          [
            empty(),
            edit(
              'src/cache/Bench.java',
              '        System.out.println("requests: " + requests + ", size: " + cache.size() + ", time: " + ms + " ms");\n',
              '        System.out.println("requests: " + requests + ", size: " + cache.size() + ", time: " + ms + " ms");\n' +
                '        System.out.println(String.format(java.util.Locale.ROOT, "hits: %d, misses: %d, hit rate: %.2f%%, evictions: %d",\n' +
                '                cache.hits(), cache.misses(), 100.0 * cache.hits() / requests, cache.evictions()));\n',
            ),
          ],
          [empty(), bash(bench, 'Build and run the benchmark')],
          [
            empty(),
            say(
              'The Bench now prints hits, misses, the hit rate and evictions (above). Should clear() also reset the counters? I think it should, a cleared cache starting from zero is less surprising.',
            ),
          ],
        ],
      },
      {
        user: 'sure go ahead',
        model: [
          [
            empty(),
            edit(
              'src/cache/LruCache.java',
              '    public synchronized void clear() {\n        map.clear();\n',
              '    public synchronized void clear() {\n        map.clear();\n        hits = 0;\n        misses = 0;\n        evictions = 0;\n',
            ),
          ],
          [empty(), bash(tests, 'Run the tests')],
          [empty(), say('clear() resets the counters now. Tests as before: everything passes except the capacity-0 one.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Counters added to LruCache and printed by the Bench.',
          intent: 'Fix the sweeper crash (done); add hit/miss counters and print them in the Bench.',
          concepts: ['synchronized counters'],
          files: ['src/cache/LruCache.java: hits, misses, evictions', 'src/cache/Bench.java: prints them'],
          errors: ['The capacity-zero test still fails'],
          solving: 'clear() resets the counters (user agreed).',
          messages: ['Add hit/miss counters', 'sure go ahead'],
          pending: [],
          current: 'Counters done.',
          next: 'Wait for the user.',
        }),
      },
      {
        user:
          'Amazing, thank you!! Oh and I should have said this at the start, two rules from the platform team: ' +
          `${release}, the customer's app server is still on Java 11 (don't ask 🙈), and ${jars}, it ships inside their server. ` +
          `With that in mind: ${statsReq}, so the session store can log them every minute.`,
        model: [
          [
            empty(),
            say('Making the build enforce Java 11 first, so nothing newer slips in:'),
            edit('run-tests.sh', "javac -d out $(find src tests -name '*.java')\n", "javac --release 11 -d out $(find src tests -name '*.java')\n"),
          ],
          [empty(), write('src/cache/CacheStats.java', statsRecord)],
          [
            empty(),
            edit(
              'src/cache/LruCache.java',
              '    public synchronized long hits() {\n',
              '    public synchronized CacheStats stats() {\n        return new CacheStats(hits, misses, evictions);\n    }\n\n    public synchronized long hits() {\n',
            ),
          ],
          [empty(), bash(tests, 'Run the tests with --release 11')],
          [
            empty(),
            say("Right, that's exactly what --release 11 is for: records came in Java 16. A plain final class with the same accessors:"),
            write('src/cache/CacheStats.java', statsClass),
          ],
          [empty(), bash(tests, 'Run the tests')],
          [
            empty(),
            say(
              'stats() returns a CacheStats snapshot (hits, misses, evictions, hitRate()). The build now compiles with --release 11, no jars involved. Only the capacity-0 test fails, as before.',
            ),
          ],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'stats() added; the build targets Java 11.',
          intent: 'Counters and stats() for the session store; Java 11 target; no third-party jars.',
          concepts: ['javac --release 11'],
          files: ['src/cache/CacheStats.java: snapshot class', 'run-tests.sh: --release 11'],
          errors: ['A record did not compile for Java 11; replaced with a class', 'The capacity-zero test still fails'],
          solving: 'CacheStats is a final class.',
          messages: ['Rules: Java 11, no jars; add stats()'],
          pending: [],
          current: 'stats() done.',
          next: 'Wait for the user.',
        }),
      },
      {
        user:
          'Okay this one is more of a wild idea 😄 the app server has 32 cores and Dmitri thinks everything waits on that one lock. ' +
          `${faster[0].toUpperCase()}${faster.slice(1)}? Like lock striping or whatever the cool kids do.`,
        model: [
          [
            empty(),
            say('Worth measuring rather than guessing. A striped variant with 16 segments, with a main() that replays the same workload as the Bench:'),
            write('src/cache/StripedLruCache.java', STRIPED),
          ],
          [
            empty(),
            bash(
              'sh run-tests.sh > /dev/null; java -cp out cache.StripedLruCache && java -cp out cache.Bench',
              'Compare the striped cache with the single lock',
            ),
          ],
          [
            empty(),
            say(`Deleting ${striped.what} again: ${striped.why}. That costs more than the lock does at this size.`),
            bash('rm src/cache/StripedLruCache.java && git status --short', 'Remove the striped cache'),
          ],
          [
            empty(),
            say(
              "So I'd keep the single lock. The critical section is a few map operations; if Dmitri sees contention in a profile, the next thing to try is a read path without the lock, not segments. " +
                "I'll add a short note to the README so nobody tries striping again without this context, ok?",
            ),
          ],
        ],
      },
      {
        user: 'ok',
        model: [
          [
            empty(),
            edit(
              'README.md',
              '    java -cp out cache.Bench             # benchmark\n',
              '    java -cp out cache.Bench             # benchmark\n\n## Concurrency\n\n' +
                'One lock for the whole cache, on purpose. Lock striping was measured and dropped: independent segments each evict their own oldest entry, ' +
                'so the cache stops being LRU as a whole and the hit rate falls.\n',
            ),
          ],
          [empty(), say('Added a Concurrency section to the README.')],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'Lock striping tried and dropped; README note added.',
          intent: 'See whether get() can be faster on 32 cores.',
          concepts: ['Lock striping vs global LRU order'],
          files: ['README.md: Concurrency section'],
          errors: ['The capacity-zero test still fails'],
          solving: 'A striped cache lowered the hit rate; removed.',
          messages: ['Can we make get() faster (lock striping idea)', 'ok'],
          pending: [],
          current: 'README note written.',
          next: 'Wait for the user.',
        }),
      },
      {
        user: `Perfect. Last one for today I promise 😅 ${changelog}? Priya is still deciding what capacity 0 should mean, so leave that test as it is.`,
        model: [
          [
            empty(),
            write(
              'CHANGELOG.md',
              '# Changelog\n\n## Unreleased\n\n' +
                '- Fix: `evictExpired()` no longer throws ConcurrentModificationException (it removes through the iterator).\n' +
                '- New: hit, miss and eviction counters, `stats()` returning a `CacheStats` snapshot; `clear()` resets them.\n' +
                '- Build: compiled with `--release 11`.\n' +
                '- Bench prints the counters and the hit rate.\n',
            ),
          ],
          [empty(), bash(tests, 'Run the tests')],
          [empty(), say("CHANGELOG.md written. The tests are where we left them: all pass except the capacity-0 one, which waits for Priya's decision.")],
        ],
      },
      {
        compact: true,
        summary: ccSummary({
          analysis: 'A day of small LruCache changes; CHANGELOG written.',
          intent: 'Crash fix, counters, stats(), Java 11 build, striping experiment, CHANGELOG.',
          concepts: ['Java 11 target', 'no third-party jars'],
          files: ['CHANGELOG.md'],
          errors: ['The capacity-zero test still fails (Priya decides)'],
          solving: 'None.',
          messages: ['Earlier messages are in the previous summaries', `"Perfect. Last one for today I promise: ${changelog}"`],
          pending: ['Capacity 0 semantics: Priya'],
          current: 'CHANGELOG written.',
          next: 'None.',
        }),
      },
    ];
  },
};
