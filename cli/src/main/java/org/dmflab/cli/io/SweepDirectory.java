package org.dmflab.cli.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.dmflab.core.InvalidInputException;
import org.dmflab.core.experiment.preset.SweepPlan;
import org.dmflab.core.experiment.analysis.SweepTable;

/**
 * The folder of a sweep (design.md §4): its plan ({@value #PLAN}), one complete experiment output per finished point
 * under {@value #POINTS}/ (each written all or nothing by {@link OutputDirectory}, marked by its own manifest), and, once
 * every point is there, the sweep's table and charts. Built up over several processes — a restart after a kill, the
 * shards of a cluster job — so unlike a command's output it is not replaced as a whole: a folder is taken up again
 * only when it holds the same plan, or extended on request when the new plan only adds values; any other non-empty
 * folder is refused, and nothing a user put there is touched.
 *
 * <p>Several processes may fill one folder at once (shards on the nodes of a cluster, on a shared file system): the
 * plan is the first entry anyone creates (by a rename), and each process stages its points in its own work folder
 * {@code .work-HOST-PID-START} ({@link OutputDirectory} there), moving each complete point into {@value #POINTS}/ by one
 * rename. A process removes only the work folders of dead processes of its own host (a process id means nothing on
 * another node); collecting, with every point present, removes them all.
 */
public final class SweepDirectory {
    /** The plan's file. */
    public static final String PLAN = "sweep-plan.txt";
    /** The folder of the points. */
    public static final String POINTS = "points";
    private static final String KEY = "out";
    private static final String WORK = ".work-";

    private static final String HOST = host();

    private final Path root;
    private final SweepPlan plan;

    private SweepDirectory(Path root, SweepPlan plan) {
        this.root = root;
        this.plan = plan;
    }

    /**
     * Opens {@code out} for {@code plan}: a new or empty folder becomes a sweep folder; a sweep folder with the same
     * plan is resumed; one with another plan is refused, unless {@code extend} and the new plan only adds values.
     *
     * @param command the command line writing, for the folder's manifest
     * @param version the version writing
     */
    public static SweepDirectory open(Path out, SweepPlan plan, boolean extend, String command, String version) {
        Path root = checked(out);
        // listed before the plan is read: another process writes the plan before anything else, so a listing
        // without it that still holds something is not a sweep folder
        List<String> listed = entries(root);
        Optional<SweepPlan> existing = readPlan(root);
        if (existing.isPresent()) {
            SweepPlan old = existing.get();
            if (!old.text().equals(plan.text())) {
                if (!extend) {
                    throw new InvalidInputException(KEY, root + " holds a sweep with another plan (" + PLAN
                            + "); run it with the same arguments to finish it, give a new --out, or add --extend "
                            + "to add values to its swept settings");
                }
                if (!plan.extends_(old)) {
                    throw new InvalidInputException("extend", "the new grid changes more than adding values to the "
                            + "swept settings of " + root + " (its plan is in " + PLAN + "); give a new --out");
                }
            }
        } else if (listed.stream().anyMatch(name -> !name.startsWith("." + PLAN + ".partial-"))) {
            throw new InvalidInputException(KEY, root + " already exists, is not empty and holds no " + PLAN
                    + ", so it is not a sweep folder; give a new folder");
        }
        try {
            // the plan first: whoever sees anything else in the folder also sees the plan
            Files.createDirectories(root);
            writeAtomically(root.resolve(PLAN), plan.text().getBytes(StandardCharsets.UTF_8));
            Files.createDirectories(root.resolve(POINTS));
            if (OutputManifest.readFrom(root).isEmpty()) {
                new OutputManifest(command, version, List.of(PLAN, POINTS)).writeTo(root);
            }
            removeAbandonedWork(root);
        } catch (IOException e) {
            throw new InvalidInputException(KEY, "cannot write the sweep folder " + root + " (" + e.getMessage()
                    + "); choose a writable directory");
        }
        return new SweepDirectory(root, plan);
    }

    /** Opens an existing sweep folder with whatever plan it holds (for collecting). */
    public static SweepDirectory existing(Path folder) {
        Path root = checked(folder);
        SweepPlan plan = readPlan(root).orElseThrow(() -> new InvalidInputException("sweep", root + " holds no "
                + "readable " + PLAN + ", so it is not a sweep folder; give the folder a dmflab sweep wrote"));
        return new SweepDirectory(root, plan);
    }

    private static Path checked(Path out) {
        if (out.toString().isBlank()) {
            throw new InvalidInputException(KEY, "is empty; give the sweep's folder, e.g. --out sweep");
        }
        Path root = OutputGuard.realLocation(out.toAbsolutePath().normalize());
        if (root.getParent() == null) {
            throw new InvalidInputException(KEY, root + " is the root directory; choose a directory below it");
        }
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw new InvalidInputException(KEY, root + " exists and is not a directory; choose a directory");
        }
        OutputGuard.checkNotProtected(root, Path.of(""), Path.of(System.getProperty("user.home")), List.of());
        return root;
    }

    private static Optional<SweepPlan> readPlan(Path root) {
        Path file = root.resolve(PLAN);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(SweepPlan.parse(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The sweep's folder. */
    public Path root() {
        return root;
    }

    /** The plan the folder holds. */
    public SweepPlan plan() {
        return plan;
    }

    /** The folder of point {@code name}. */
    public Path point(String name) {
        return root.resolve(POINTS).resolve(name);
    }

    /** This process's work folder, where its points are staged. */
    public Path work() {
        ProcessHandle self = ProcessHandle.current();
        long start = self.info().startInstant().map(instant -> instant.toEpochMilli()).orElse(0L);
        return root.resolve(WORK + HOST + "-" + self.pid() + "-" + start);
    }

    /**
     * Moves the complete point {@code staged} (written in {@link #work()}) into {@value #POINTS}/ by one rename; if
     * another process completed the same point meanwhile, this copy is dropped.
     */
    public void publish(Path staged) throws IOException {
        Path target = point(staged.getFileName().toString());
        try {
            Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException done) {
            OutputDirectory.deleteQuietly(staged);
        }
    }

    /** Removes the work folders of this host's dead processes (a killed run), best effort. */
    private static void removeAbandonedWork(Path root) {
        java.util.regex.Pattern own = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(WORK + HOST)
                + "-(\\d+)-(\\d+)");
        for (String name : entries(root)) {
            java.util.regex.Matcher owner = own.matcher(name);
            if (owner.matches() && !OutputDirectory.ownerRuns(Long.parseLong(owner.group(1)),
                    Long.parseLong(owner.group(2)))) {
                OutputDirectory.deleteQuietly(root.resolve(name));
            }
        }
    }

    /** Removes every work folder (once every point is complete, nothing in them is needed), best effort. */
    public void removeWork() {
        entries(root).stream().filter(name -> name.startsWith(WORK))
                .forEach(name -> OutputDirectory.deleteQuietly(root.resolve(name)));
    }

    private static String host() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName().replaceAll("[^A-Za-z0-9.-]", "_");
        } catch (IOException | RuntimeException unknown) {
            return "localhost";
        }
    }

    /** Whether point {@code name} was written completely (its manifest, finished, and its rows). */
    public boolean complete(String name) {
        Path point = point(name);
        return OutputManifest.readFrom(point).filter(manifest -> manifest.interrupted().isEmpty()).isPresent()
                && Files.isRegularFile(point.resolve(SweepTable.POINT_FILE));
    }

    /**
     * Copies the complete points of {@code part} (another folder of the same plan, e.g. a shard's on another machine)
     * that this folder lacks, each all or nothing; returns how many. {@code copied} hears of each.
     */
    public int takeFrom(SweepDirectory part, String command, String version, Consumer<String> copied)
            throws IOException {
        if (!part.plan.text().equals(plan.text())) {
            throw new InvalidInputException("sweep", part.root + " holds a sweep with another plan than " + root
                    + "; collect only the parts of one sweep");
        }
        int count = 0;
        for (SweepPlan.Point point : plan.points()) {
            if (complete(point.name()) || !part.complete(point.name())) {
                continue;
            }
            Path staged = work().resolve(point.name());
            try (OutputDirectory target = OutputDirectory.open(staged, false, command, version, List.of())) {
                for (String file : entries(part.point(point.name()))) {
                    if (!file.equals(OutputManifest.NAME)) {
                        Files.copy(part.point(point.name()).resolve(file), target.file(file));
                    }
                }
                target.commit();
            }
            publish(staged);
            copied.accept(point.name());
            count++;
        }
        return count;
    }

    /** Writes {@code bytes} into the root's file {@code name} by a rename, so readers see the old or the new file. */
    public void write(String name, byte[] bytes) throws IOException {
        writeAtomically(root.resolve(name), bytes);
    }

    /** Marks the folder as DMF Lab's, listing what it wrote at its top level. */
    public void mark(String command, String version, List<String> files) throws IOException {
        List<String> all = new ArrayList<>(List.of(PLAN, POINTS));
        all.addAll(files);
        new OutputManifest(command, version, all).writeTo(root);
    }

    private static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path temporary = file.resolveSibling("." + file.getFileName() + ".partial-" + ProcessHandle.current().pid()
                + "-" + Thread.currentThread().getId());
        Files.write(temporary, bytes);
        try {
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static List<String> entries(Path directory) {
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return names;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory)) {
            stream.forEach(entry -> names.add(entry.getFileName().toString()));
        } catch (IOException e) {
            throw new InvalidInputException(KEY, directory + " cannot be read (" + e.getMessage() + ")");
        }
        return names.stream().sorted().toList();
    }
}
