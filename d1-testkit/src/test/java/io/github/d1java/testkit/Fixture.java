package io.github.d1java.testkit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a test class that is a fixture for EngineTestKit runs: it runs only when the engine is
 * given the configuration parameter {@value #ENABLED}{@code =true}, so that a build or IDE that
 * picks it up directly skips it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(Fixture.Condition.class)
@interface Fixture {

  String ENABLED = "d1.testkit.fixtures";

  /** Enables fixtures only inside EngineTestKit runs that ask for them. */
  final class Condition implements ExecutionCondition {
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
      return context.getConfigurationParameter(ENABLED).map(Boolean::parseBoolean).orElse(false)
          ? ConditionEvaluationResult.enabled("fixture run")
          : ConditionEvaluationResult.disabled("a fixture for EngineTestKit runs");
    }
  }
}
