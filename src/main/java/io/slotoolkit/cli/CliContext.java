package io.slotoolkit.cli;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * What a command may read from its surroundings, injected so that tests and the shell control it.
 *
 * @param env environment variables (NO_COLOR, TERM, SLO_MEMORY_LIMIT, SLO_THREADS)
 * @param clock the clock behind {@code --at now}
 * @param workingDir the folder relative paths on the command line are read against
 * @param terminal whether stdout is a terminal (colour and progress only then)
 */
public record CliContext(Map<String, String> env, Clock clock, Path workingDir, boolean terminal) {
  public CliContext {
    env = Map.copyOf(env);
  }

  public static CliContext system() {
    return new CliContext(
        System.getenv(), Clock.systemUTC(), Path.of("").toAbsolutePath(), System.console() != null);
  }

  /** Colour on a terminal, unless NO_COLOR is set (to anything) or TERM is dumb. */
  public boolean color() {
    return terminal && !env.containsKey("NO_COLOR") && !"dumb".equals(env.get("TERM"));
  }

  /**
   * An environment variable's value, or null when it is unset or blank: {@code SLO_CACHE=} in a CI
   * job's environment means no cache, not the working folder.
   */
  public String setting(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? null : value;
  }

  public Path resolve(Path p) {
    return p.isAbsolute() ? p : workingDir.resolve(p);
  }
}
