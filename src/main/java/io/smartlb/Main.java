package io.smartlb;

import io.quarkus.runtime.Quarkus;
import io.smartlb.sim.SimulateCommand;
import java.util.Arrays;
import java.util.List;

/**
 * The entry point: {@code simulate ...} replays a trace and exits without booting Quarkus (no HTTP
 * server, no banner); no argument starts the service; {@code --help} prints how to use it. Anything
 * else (a typo) prints that too and exits with 2 rather than start a server that ignores it.
 *
 * <p>Named by {@code quarkus.package.main-class} in the pom, not marked {@code @QuarkusMain}: the
 * library jar an application embeds the service with carries this class, and an annotated main
 * would be that application's main too (or clash with its own).
 */
public class Main {

    private static final String USAGE = String.join(System.lineSeparator(),
            "usage: java -jar quarkus-run.jar              start the service (configure it with -Dbalancer.*=...",
            "                                              or application.properties; see README.md)",
            "       java -jar quarkus-run.jar simulate ... replay a trace without starting it (simulate --help)");

    /** Runs the simulate command, or the service. */
    public static void main(String... args) {
        if (args.length > 0 && "simulate".equals(args[0])) {
            // decided before Quarkus.run, so the simulator never opens a port or reads service config
            int code = new SimulateCommand().run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err);
            System.exit(code);
        }
        if (args.length > 0 && List.of("--help", "-h", "help").contains(args[0])) {
            System.out.println(USAGE);
            System.exit(0);
        }
        if (args.length > 0) {
            System.err.println("smartlb: unknown argument '" + args[0] + "'.");
            System.err.println(USAGE);
            System.exit(2);
        }
        Quarkus.run(args);
    }
}
