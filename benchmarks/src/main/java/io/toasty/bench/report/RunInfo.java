package io.toasty.bench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@code Main} records beside JMH's results ({@code run.json}): the mode, the machine, the
 * planned runs and the combinations left out with the reason. Jackson reads and writes it.
 */
public final class RunInfo {
  /** {@code quick} or {@code full}. */
  public String mode;
  public String started;
  public String finished;
  public String cpuModel;
  public int cpus;
  public String memory;
  public String kernel;
  public String loadAtStart;
  public String loadAtEnd;
  public String commit;
  /** The JMH settings, as a sentence. */
  public String settings;
  /** Every benchmark that was asked for: JMH's name and its parameters. */
  public List<Planned> planned = new ArrayList<>();
  /** Combinations not run, with the reason. */
  public List<Skipped> skipped = new ArrayList<>();
  /** Each JMH run (a group of one round) with the machine's load before and after it. */
  public List<GroupLoad> groups = new ArrayList<>();

  /** The load averages around one JMH run. */
  public static final class GroupLoad {
    public String group;
    public String loadBefore;
    public String loadAfter;

    public GroupLoad() {}

    public GroupLoad(String group, String loadBefore, String loadAfter) {
      this.group = group;
      this.loadBefore = loadBefore;
      this.loadAfter = loadAfter;
    }
  }

  /** One benchmark fork that was asked for. */
  public static final class Planned {
    public String benchmark;
    public String db;
    public String impl;
    public String statement;
    /** The JMH log it ran in, relative to the results directory. */
    public String log;

    public Planned() {}

    public Planned(String benchmark, String db, String impl, String statement, String log) {
      this.benchmark = benchmark;
      this.db = db;
      this.impl = impl;
      this.statement = statement;
      this.log = log;
    }
  }

  /** A combination that was not run. */
  public static final class Skipped {
    public String db;
    public String impl;
    public String workload;
    public String reason;

    public Skipped() {}

    public Skipped(String db, String impl, String workload, String reason) {
      this.db = db;
      this.impl = impl;
      this.workload = workload;
      this.reason = reason;
    }
  }
}
