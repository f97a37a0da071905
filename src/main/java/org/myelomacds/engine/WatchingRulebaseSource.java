package org.myelomacds.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Hot reload of a rules directory for the server. Every directory under the rule root is watched; after a burst of
 * changes has been quiet for the debounce interval (editors save in several writes), the directory is compiled (DRL
 * mode, for file:line errors) and put through the {@link ReloadGate} the caller passed in (the server's runs every
 * fhir-samples scenario against the candidate). Only a candidate that compiles and passes the gate replaces the
 * current rulebase, in one atomic swap; otherwise the last good
 * rulebase keeps serving and the attempt, with its problems, is logged at WARN and kept for the health endpoint.
 *
 * <p>A request calls {@link #current()} once and keeps that rulebase, so a swap never changes a request in flight.
 * The initial load must pass the same gate; if it does not, {@link #start} throws and the server does not start.
 */
public final class WatchingRulebaseSource implements RulebaseSource {
    public static final Duration DEFAULT_DEBOUNCE = Duration.ofMillis(300);
    /** Attempts kept for /health: enough to see a refused save between two good ones during an editing session. */
    public static final int HISTORY_SIZE = 10;
    private static final Logger LOG = LoggerFactory.getLogger(WatchingRulebaseSource.class);

    private final Path rulesDir;
    private final ReloadGate gate;
    private final Duration debounce;
    private final AtomicReference<Rulebase> current = new AtomicReference<>();
    private final AtomicReference<ReloadAttempt> lastReload = new AtomicReference<>();
    /** Newest first; written under reloadLock, read by /health from any thread. */
    private final java.util.concurrent.ConcurrentLinkedDeque<ReloadAttempt> history = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private final AtomicInteger attempts = new AtomicInteger();
    private final Object reloadLock = new Object();
    private final WatchService watcher;
    private final Thread watchThread;
    private volatile boolean closed;

    private WatchingRulebaseSource(Path rulesDir, ReloadGate gate, Duration debounce, Rulebase initial) throws IOException {
        this.rulesDir = rulesDir;
        this.gate = gate;
        this.debounce = debounce;
        this.current.set(initial);
        this.watcher = FileSystems.getDefault().newWatchService();
        registerTree(rulesDir);
        this.watchThread = new Thread(this::watchLoop, "rules-hot-reload");
        watchThread.setDaemon(true);
    }

    public static WatchingRulebaseSource start(Path rulesDir, ReloadGate gate) throws RulebaseException {
        return start(rulesDir, gate, DEFAULT_DEBOUNCE);
    }

    /**
     * Compiles the directory, puts it through the gate and starts watching. Throws when the initial rulebase does
     * not compile or fails the gate: the caller reports the problems and exits (code 4).
     */
    public static WatchingRulebaseSource start(Path rulesDir, ReloadGate gate, Duration debounce) throws RulebaseException {
        Path rules = rulesDir.toAbsolutePath().normalize();
        String samples = gate.location().toString();
        RuleFiles files;
        try {
            files = RuleFiles.fromDirectory(rules);
        } catch (IOException e) {
            throw new RulebaseException("cannot read rules: " + e.getMessage(), List.of());
        }
        Rulebase initial = Rulebase.compile(files, CompileMode.DRL);
        List<String> failures;
        try {
            failures = gate.failures(initial);
        } catch (IOException e) {
            throw new RulebaseException("cannot read the " + gate.kind() + "s that gate hot reload: " + e.getMessage(), List.of());
        }
        if (!failures.isEmpty()) {
            throw new RulebaseException("rules in " + rules + " fail " + failures.size() + " " + gate.kind() + "(s) in " + samples,
                    failures.stream().map(f -> new RuleProblem(samples, 0, 0, "ERROR", f)).toList());
        }
        WatchingRulebaseSource source;
        try {
            source = new WatchingRulebaseSource(rules, gate, debounce, initial);
        } catch (IOException e) {
            throw new RulebaseException("cannot watch " + rules + " for changes: " + e.getMessage(), List.of());
        }
        source.watchThread.start();
        LOG.info("rules from {} loaded (sha256 {}); watching for changes", rules, initial.sha256());
        return source;
    }

    @Override
    public Rulebase current() {
        return current.get();
    }

    @Override
    public Optional<ReloadAttempt> lastReload() {
        return Optional.ofNullable(lastReload.get());
    }

    @Override
    public List<ReloadAttempt> recentReloads() {
        return List.copyOf(history);
    }

    /** How many reload attempts have run since start (the initial load not counted). */
    public int attemptCount() {
        return attempts.get();
    }

    /** Reloads now, on the calling thread, through the same gate as a file change (tests, admin). */
    public ReloadAttempt reloadNow() {
        synchronized (reloadLock) {
            attempts.incrementAndGet();
            ReloadAttempt attempt = attempt();
            lastReload.set(attempt);
            history.addFirst(attempt);
            while (history.size() > HISTORY_SIZE) history.removeLast();
            return attempt;
        }
    }

    private ReloadAttempt attempt() {
        Instant at = Instant.now();
        RuleFiles files;
        try {
            files = RuleFiles.fromDirectory(rulesDir);
        } catch (IOException e) {
            return rejected(at, null, List.of("cannot read rules: " + e.getMessage()));
        }
        String sha = files.sha256();
        if (sha.equals(current.get().sha256())) {
            // A save that left every rule file as it was (touch, editor swap files): nothing to swap, nothing wrong.
            LOG.info("rules in {} changed on disk but their content is the loaded one (sha256 {})", rulesDir, sha);
            return new ReloadAttempt(at, false, sha, List.of());
        }
        Rulebase candidate;
        try {
            candidate = Rulebase.compile(files, CompileMode.DRL);
        } catch (RulebaseException e) {
            List<String> problems = e.problems().isEmpty() ? List.of(e.getMessage())
                    : e.problems().stream().map(RuleProblem::toString).toList();
            return rejected(at, sha, problems);
        } catch (RuntimeException e) {
            return rejected(at, sha, List.of("compiler failed: " + e));
        }
        List<String> failures;
        try {
            failures = gate.failures(candidate);
        } catch (IOException e) {
            return rejected(at, sha, List.of("cannot read the " + gate.kind() + "s: " + e.getMessage()));
        }
        if (!failures.isEmpty()) return rejected(at, sha, failures);
        Rulebase previous = current.getAndSet(candidate);
        LOG.info("rules reloaded from {}: sha256 {} -> {}", rulesDir, previous.sha256(), sha);
        return new ReloadAttempt(at, true, sha, List.of());
    }

    private ReloadAttempt rejected(Instant at, String sha, List<String> problems) {
        LOG.warn("rules in {} not reloaded, still serving sha256 {}; {} problem(s):\n{}", rulesDir, current.get().sha256(),
                problems.size(), String.join("\n", problems));
        return new ReloadAttempt(at, false, sha, problems);
    }

    private void registerTree(Path root) throws IOException {
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path d : (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator) {
                d.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    private void watchLoop() {
        long deadline = 0; // nanoTime at which the pending burst is considered over; 0 = nothing pending
        try {
            while (!closed) {
                WatchKey key = deadline == 0 ? watcher.take()
                        : watcher.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (key != null) {
                    handle(key);
                    deadline = System.nanoTime() + debounce.toNanos();
                    continue;
                }
                if (System.nanoTime() >= deadline) {
                    deadline = 0;
                    try {
                        reloadNow();
                    } catch (RuntimeException e) {
                        LOG.warn("rules reload failed unexpectedly; still serving sha256 {}", current.get().sha256(), e);
                    }
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // close() was called
        }
    }

    private void handle(WatchKey key) {
        Path dir = (Path) key.watchable();
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE) {
                Path created = dir.resolve((Path) event.context());
                if (Files.isDirectory(created)) {
                    try {
                        registerTree(created);
                    } catch (IOException e) {
                        LOG.warn("cannot watch new rules directory {}: {}", created, e.getMessage());
                    }
                }
            }
        }
        if (!key.reset() && dir.equals(rulesDir)) {
            // The root itself was deleted or replaced (rm -r, some checkouts): nothing under it can be seen any more.
            LOG.warn("rules directory {} is gone or was replaced; hot reload stopped, still serving sha256 {} (restart to watch again)",
                    rulesDir, current.get().sha256());
        }
    }

    /** Whether the watcher thread is still running (tests). */
    boolean watching() {
        return watchThread.isAlive();
    }

    @Override
    public void close() {
        closed = true;
        try {
            watcher.close();
        } catch (IOException e) {
            LOG.debug("closing the rules watcher: {}", e.getMessage());
        }
        watchThread.interrupt();
        try {
            // A reload in progress finishes its compile first; the thread is a daemon, so it never blocks exit.
            watchThread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
