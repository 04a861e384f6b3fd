package io.toasty.test;

/**
 * Checks, before a backend's classes are touched, that the artifacts it needs are on the class
 * path: they are optional dependencies of {@code toasty-test}, which a user adds for the
 * backends they test on. Without this a missing one would surface as a bare
 * {@link NoClassDefFoundError} from deep inside the start-up.
 */
final class MissingDependency {
  private MissingDependency() {}

  /**
   * Fails with a message naming {@code artifact} unless {@code className} can be loaded.
   *
   * @param backend the backend being started, for the message
   * @param className a class {@code artifact} holds
   * @param artifact {@code groupId:artifactId} to add with test scope
   */
  static void require(TestBackend backend, String className, String artifact) {
    try {
      Class.forName(className, false, MissingDependency.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      throw new IllegalStateException("The " + backend + " test backend needs " + artifact
          + " on the test class path (class " + className + " not found); add it with "
          + "<scope>test</scope>, see docs/testing.md", e);
    }
  }
}
