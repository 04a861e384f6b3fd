package io.toasty.tck;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Installs {@link LeakWatch} when the test JVM's JUnit launcher session opens, before any test
 * class (and so any Netty class) loads. Registered in META-INF/services.
 */
public final class LeakWatchInstaller implements LauncherSessionListener {
  @Override
  public void launcherSessionOpened(LauncherSession session) {
    LeakWatch.install();
  }
}
