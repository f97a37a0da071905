package org.myelomacds.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the Spark job of {@code screen --engine spark} in a JVM of its own: Spark (and its hundred-odd jars) is not
 * on the CLI's classpath, so the CLI starts as fast with or without it. The child gets the CLI's classpath plus
 * the one the build resolved for Spark (target/spark-classpath.txt, named by the launcher), and the Java 17 module
 * options Spark needs; its output goes straight to ours.
 */
public final class SparkProcess {
    /** Spark's own launcher adds these on Java 17 (org.apache.spark.launcher.JavaModuleOptions); SparkJvmOptionsTest checks. */
    static final List<String> JVM_OPTIONS = List.of("-XX:+IgnoreUnrecognizedVMOptions",
            "--add-modules=jdk.incubator.vector", "--add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED", "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
            "--add-opens=java.base/sun.security.action=ALL-UNNAMED", "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
            "-Djdk.reflect.useDirectMethodHandle=false", "-Dio.netty.tryReflectionSetAccessible=true");

    static final String MAIN = "org.myelomacds.spark.SparkScreen";

    private SparkProcess() { }

    static int run(List<String> args, PrintStream err) throws IOException, InterruptedException {
        return run(MAIN, args, err);
    }

    /** Runs {@code mainClass} of the Spark job's classpath in a new JVM; its exit code. */
    public static int run(String mainClass, List<String> args, PrintStream err) throws IOException, InterruptedException {
        String classpath;
        try {
            classpath = classpath();
        } catch (IOException e) {
            err.println("myeloma-cds: --engine spark: " + e.getMessage());
            return ExitCode.USAGE;
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(JVM_OPTIONS);
        cmd.add("-XX:+UseParallelGC");
        cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        for (String property : List.of("myeloma.sparkClasspath", "myeloma.samples")) {
            if (System.getProperty(property) != null) cmd.add("-D" + property + "=" + System.getProperty(property));
        }
        cmd.add("-cp");
        cmd.add(classpath);
        cmd.add(mainClass);
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        // In local mode Spark binds to loopback (the job sets spark.driver.host), and without this it would first
        // look the host name up and warn that it resolves to a loopback address.
        pb.environment().putIfAbsent("SPARK_LOCAL_IP", "127.0.0.1");
        Process p = pb.redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.INHERIT).redirectInput(ProcessBuilder.Redirect.INHERIT).start();
        return p.waitFor();
    }

    /** The CLI's classpath, plus Spark's unless Spark is on it already (tests). */
    static String classpath() throws IOException {
        String own = System.getProperty("java.class.path");
        if (sparkPresent()) return own;
        String file = System.getProperty("myeloma.sparkClasspath", "target/spark-classpath.txt");
        Path p = Path.of(file);
        if (!Files.isRegularFile(p)) {
            throw new IOException("Spark's classpath " + p.toAbsolutePath() + " is missing; it is written by the build "
                    + "(mvn process-classes, which the launcher runs)");
        }
        return own + java.io.File.pathSeparator + Files.readString(p).strip();
    }

    private static boolean sparkPresent() {
        try {
            Class.forName("org.apache.spark.SparkContext", false, SparkProcess.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
