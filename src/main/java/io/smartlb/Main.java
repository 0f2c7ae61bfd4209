package io.smartlb;

import io.quarkus.runtime.Quarkus;
import io.smartlb.sim.SimulateCommand;
import java.util.Arrays;

/**
 * The entry point: {@code simulate ...} replays a trace and exits without booting Quarkus (no HTTP
 * server, no banner); no argument starts the service. Anything else (a typo, {@code --help}) prints
 * how to use it and exits with 2 rather than start a server that ignores it.
 *
 * <p>Named by {@code quarkus.package.main-class} in the pom, not marked {@code @QuarkusMain}: the
 * library jar an application embeds the service with carries this class, and an annotated main
 * would be that application's main too (or clash with its own).
 */
public class Main {

    /** Runs the simulate command, or the service. */
    public static void main(String... args) {
        if (args.length > 0 && "simulate".equals(args[0])) {
            // decided before Quarkus.run, so the simulator never opens a port or reads service config
            int code = new SimulateCommand().run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err);
            System.exit(code);
        }
        if (args.length > 0) {
            System.err.println("smartlb: unknown argument '" + args[0] + "'. Run with no argument to start the service"
                    + " (configure it with -Dbalancer.*=... or application.properties), or: simulate --help");
            System.exit(2);
        }
        Quarkus.run(args);
    }
}
