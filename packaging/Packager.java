import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Builds Engram's app-image and installer with jpackage; run by the Maven profile {@code installer}
 * ({@code mvn -B -Pinstaller package}) after the jar and {@code target/lib} exist and the argument
 * files are filtered into {@code target/packaging}.
 *
 * <ol>
 *   <li>Stages the class-path input folder {@code target/jpackage/input} (engram.jar + lib/*.jar):
 *       native libraries of other operating systems and CPUs are left out of the jars that carry
 *       them for every platform (ONNX Runtime, DJL tokenizers, zstd, snappy, JNA, Netty), and jar
 *       signatures are removed so the AOT cache may hold those classes too.</li>
 *   <li>Runs jpackage for the app-image (a trimmed runtime: only the JDK modules Engram needs).</li>
 *   <li>Training run: the app-image's own launcher runs the desktop app with
 *       {@code -XX:AOTCacheOutput} on JavaFX's Headless platform and a fresh store
 *       ({@code -Dengram.aotTraining=true}: window and stores open, every screen shown, messages
 *       added and searched over its API for 8 s, then it closes), then the launchers'
 *       configuration gets {@code -XX:AOTCache=$APPDIR/engram.aot}.
 *       A check run with {@code -XX:AOTMode=on} proves the cache is accepted.</li>
 *   <li>Runs jpackage for the installer of this OS from the app-image (.deb, .msi or .dmg).</li>
 * </ol>
 *
 * Arguments: {@code TARGET_DIR [--installer=true|false] [--aot=true|false]} (both true by default).
 */
public final class Packager {
    private static final String NAME = "Engram";
    private static final Pattern NATIVE = Pattern.compile(".*\\.(so|dll|dylib|jnilib|a)$");

    private final Path target;
    private final Os os = Os.current();
    private final String arch = archOf(System.getProperty("os.arch"));

    private Packager(Path target) {
        this.target = target.toAbsolutePath();
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: Packager TARGET_DIR [--installer=true|false] [--aot=true|false]");
        }
        List<String> flags = List.of(args).subList(1, args.length);
        new Packager(Path.of(args[0])).run(!flags.contains("--aot=false"), !flags.contains("--installer=false"));
    }

    private void run(boolean aot, boolean installer) throws Exception {
        Path jpackage = target.resolve("jpackage");
        Path input = jpackage.resolve("input");
        stage(input);
        Path image = jpackage.resolve(os.imageName());
        deleteTree(image);
        jpackage("--type", "app-image", "--dest", "jpackage",
                "@packaging/jpackage/common.args", "@packaging/jpackage/app-image.args",
                "@packaging/" + os.folder + "/app-image.args");
        if (aot) {
            train(image);
        }
        System.out.printf("App-image: %s (%s)%n", image, megabytes(size(image)));
        if (installer) {
            Path installers = target.resolve("installers");
            deleteTree(installers);
            jpackage("--app-image", "jpackage/" + os.imageName(), "--dest", "installers",
                    "@packaging/jpackage/common.args", "@packaging/" + os.folder + "/installer.args");
            try (Stream<Path> files = Files.list(installers)) {
                for (Path file : files.toList()) {
                    System.out.printf("Installer: %s (%s)%n", file, megabytes(Files.size(file)));
                }
            }
        }
    }

    // --- 1. the input folder ---------------------------------------------------------------------

    private void stage(Path input) throws IOException {
        deleteTree(input);
        Files.createDirectories(input.resolve("lib"));
        Files.copy(target.resolve("engram.jar"), input.resolve("engram.jar"));
        long removed = 0;
        List<String> trimmed = new ArrayList<>();
        try (Stream<Path> jars = Files.list(target.resolve("lib"))) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList()) {
                Path copy = input.resolve("lib").resolve(jar.getFileName());
                long saved = trim(jar, copy);
                if (saved > 0) {
                    removed += saved;
                    trimmed.add(jar.getFileName().toString());
                }
            }
        }
        System.out.printf("Staged %s for %s-%s; left out %s of other platforms' native libraries and signatures from %s%n",
                input, os.folder, arch, megabytes(removed), trimmed);
    }

    /** Copies a jar without other platforms' native libraries and signatures; returns the bytes saved. */
    private long trim(Path jar, Path copy) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<? extends ZipEntry> entries = zip.stream().toList();
            java.util.Set<String> dropped = entries.stream().map(ZipEntry::getName).filter(this::drop)
                    .collect(java.util.stream.Collectors.toSet());
            boolean hadNatives = entries.stream().anyMatch(e -> NATIVE.matcher(e.getName()).matches());
            boolean keepsNatives = entries.stream().anyMatch(e -> NATIVE.matcher(e.getName()).matches() && !drop(e.getName()));
            boolean onlyOtherPlatforms = hadNatives && !keepsNatives && !jar.getFileName().toString().contains("-native-");
            if (dropped.isEmpty() || onlyOtherPlatforms) {
                if (onlyOtherPlatforms) {
                    System.out.println("Kept whole (no native library for this platform found): " + jar.getFileName());
                }
                Files.copy(jar, copy);
                return 0;
            }
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
                for (ZipEntry entry : entries) {
                    if (dropped.contains(entry.getName())) {
                        continue;
                    }
                    byte[] bytes;
                    try (InputStream in = zip.getInputStream(entry)) {
                        bytes = in.readAllBytes();
                    }
                    ZipEntry written = new ZipEntry(entry.getName());
                    written.setTime(entry.getTime());
                    written.setMethod(entry.getMethod());
                    if (entry.getMethod() == ZipEntry.STORED) {
                        CRC32 crc = new CRC32();
                        crc.update(bytes);
                        written.setSize(bytes.length);
                        written.setCompressedSize(bytes.length);
                        written.setCrc(crc.getValue());
                    }
                    out.putNextEntry(written);
                    out.write(bytes);
                    out.closeEntry();
                }
            }
            return Files.size(jar) - Files.size(copy);
        }
    }

    /**
     * True for a signature file, debug symbols (macOS .dSYM folders, Windows .pdb files: ONNX Runtime
     * ships a 305 MB one; never loaded), or a native library of another OS or CPU.
     */
    boolean drop(String name) {
        String path = name.toLowerCase(Locale.ROOT);
        if (path.matches("meta-inf/[^/]+\\.(sf|rsa|dsa|ec)")) {
            return true;
        }
        if (path.contains(".dsym/") || path.endsWith(".pdb")) {
            return true;
        }
        if (!NATIVE.matcher(path).matches()) {
            return false;
        }
        Os libOs = Os.of(path);
        String libArch = archOf(path);
        return (libOs != null && libOs != os) || (libArch != null && !libArch.equals(arch));
    }

    /** x64, aarch64, "other" for a CPU named in the text, or null if none is. */
    static String archOf(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (Pattern.compile("x86[_-]64|amd64|x64").matcher(t).find()) {
            return "x64";
        }
        if (Pattern.compile("aarch_?64|arm64").matcher(t).find()) {
            return "aarch64";
        }
        if (Pattern.compile("(^|[/_-])(i386|x86|arm\\w*|ppc\\w*|s390x|riscv64|loongarch64|mips\\w*|sparc\\w*)([/_.-]|$)").matcher(t).find()) {
            return "other";
        }
        return null;
    }

    // --- 2. and 4. jpackage ---------------------------------------------------------------------

    private void jpackage(String... args) throws Exception {
        Path tool = Path.of(System.getProperty("java.home"), "bin", os == Os.WINDOWS ? "jpackage.exe" : "jpackage");
        List<String> command = new ArrayList<>(List.of(tool.toString()));
        command.addAll(List.of(args));
        System.out.println("> " + String.join(" ", command));
        exec(command, Map.of());
    }

    // --- 3. the AOT cache -----------------------------------------------------------------------

    private void train(Path image) throws Exception {
        Path appDir = image.resolve(os.appDir);
        Path cache = appDir.resolve("engram.aot");
        pinJarTimes(appDir);
        Path launcher = image.resolve(os.launcher);
        Path home = Files.createTempDirectory("engram-aot-training-");
        try {
            System.out.println("AOT training run (the desktop app on JavaFX's Headless platform and a fresh store:"
                    + " window, screens, adds and searches over its API), this takes a few minutes...");
            long started = System.nanoTime();
            Files.writeString(home.resolve("ui.properties"), "api.port=0\n");
            exec(List.of(launcher.toString()),
                    Map.of("JAVA_TOOL_OPTIONS", "-XX:AOTCacheOutput=" + cache + " -Xlog:aot=error,aot+resolve=off"
                                    + " -Dglass.platform=Headless -Dprism.order=sw -Dengram.aotTraining=true",
                            "ENGRAM_HOME", home.toString()));
            if (!Files.isRegularFile(cache)) {
                throw new IllegalStateException("The training run made no AOT cache at " + cache);
            }
            try (Stream<Path> cfgs = Files.list(appDir)) {
                for (Path cfg : cfgs.filter(p -> p.toString().endsWith(".cfg")).toList()) {
                    addJavaOption(cfg, "-XX:AOTCache=$APPDIR/engram.aot");
                }
            }
            // -XX:AOTMode=on fails the start if the cache cannot be used (wrong class path, JDK, jars).
            exec(List.of(launcher.toString(), "--version"),
                    Map.of("JAVA_TOOL_OPTIONS", "-XX:AOTMode=on", "ENGRAM_HOME", home.toString()));
            System.out.printf("AOT cache: %s (%s), made in %.0f s%n", cache, megabytes(Files.size(cache)),
                    (System.nanoTime() - started) / 1e9);
        } finally {
            deleteTree(home);
        }
    }

    /**
     * The AOT cache records each jar's size and modification time and is refused if one differs.
     * Installers copy the files (new times), so every jar gets one fixed time before the training
     * run, and the .deb's postinst sets it again after installing (packaging/linux/resources/postinst).
     */
    private static void pinJarTimes(Path appDir) throws IOException {
        java.nio.file.attribute.FileTime pinned = java.nio.file.attribute.FileTime.from(PINNED_JAR_TIME);
        try (Stream<Path> files = Files.walk(appDir)) {
            for (Path jar : files.filter(p -> p.toString().endsWith(".jar")).toList()) {
                Files.setLastModifiedTime(jar, pinned);
            }
        }
    }

    /** 2000-01-01T00:00:00Z; also in the .deb's postinst as {@code touch -d @946684800}. */
    static final java.time.Instant PINNED_JAR_TIME = java.time.Instant.ofEpochSecond(946_684_800L);

    /** Adds a JVM option to a jpackage launcher configuration ({@code [JavaOptions]} section). */
    static void addJavaOption(Path cfg, String option) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(cfg, StandardCharsets.UTF_8));
        String line = "java-options=" + option;
        if (lines.contains(line)) {
            return;
        }
        int section = lines.indexOf("[JavaOptions]");
        if (section < 0) {
            lines.add("");
            lines.add("[JavaOptions]");
            lines.add(line);
        } else {
            lines.add(section + 1, line);
        }
        Files.write(cfg, lines, StandardCharsets.UTF_8);
    }

    // --- helpers --------------------------------------------------------------------------------

    private void exec(List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(target.toFile()).inheritIO();
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().putAll(env);
        int code = builder.start().waitFor();
        if (code != 0) {
            throw new IllegalStateException("Failed (exit " + code + "): " + String.join(" ", command));
        }
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** The OS jpackage builds for (always the one it runs on), and where things are in its app-image. */
    enum Os {
        LINUX("linux", NAME, "bin/" + NAME, "lib/app"),
        MAC("macos", NAME + ".app", "Contents/MacOS/" + NAME, "Contents/app"),
        WINDOWS("windows", NAME, "engram-cli.exe", "app"),
        /** AIX, the BSDs, Solaris, Android, musl: libraries for them are never packaged. */
        OTHER("other", "", "", "");

        final String folder;
        private final String image;
        final String launcher;
        final String appDir;

        Os(String folder, String image, String launcher, String appDir) {
            this.folder = folder;
            this.image = image;
            this.launcher = launcher;
            this.appDir = appDir;
        }

        String imageName() {
            return image;
        }

        static Os current() {
            Os os = of(System.getProperty("os.name"));
            if (os == null || os == OTHER) {
                throw new IllegalStateException("jpackage builds for Linux, macOS and Windows only");
            }
            return os;
        }

        /** The OS named in a path or an OS name, or null if none is. */
        static Os of(String text) {
            String t = text.toLowerCase(Locale.ROOT);
            if (t.matches(".*(darwin|osx|/mac/|mac os|macos).*") || t.endsWith(".dylib") || t.endsWith(".jnilib")) {
                return MAC;
            }
            if (t.matches(".*(win32|win-|/win/|windows).*") || t.endsWith(".dll")) {
                return WINDOWS;
            }
            if (t.matches(".*(aix|freebsd|openbsd|dragonflybsd|sunos|android|musl).*") || t.endsWith(".a")) {
                return OTHER;
            }
            if (t.contains("linux")) {
                return LINUX;
            }
            return null;
        }
    }
}
