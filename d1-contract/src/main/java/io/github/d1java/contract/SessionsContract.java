package io.github.d1java.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.d1java.D1ConstraintException;
import io.github.d1java.D1DatabaseSession;
import io.github.d1java.D1PreparedStatement;
import io.github.d1java.D1Result;
import io.github.d1java.D1SqlException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Sessions and bookmarks (§11, §16.11).
 *
 * <p>Contract tests for one area of the {@link io.github.d1java.D1Database} API: a backend's test
 * extends this class and implements {@link #newDatabase()}, or runs every area at once through
 * {@link D1DatabaseContract}. Not thread-safe; JUnit creates one instance per test.
 */
public abstract class SessionsContract extends ContractSupport {

  /**
   * Whether sessions receive bookmarks from the backend. When false the tests assert that {@link
   * D1DatabaseSession#getBookmark()} stays null for sessions not started from a bookmark.
   *
   * @return true by default
   */
  protected boolean supportsSessionBookmarks() {
    return true;
  }

  @BeforeEach
  void table() {
    sql("CREATE TABLE s (v TEXT)");
  }

  @Test
  void bookmarkIsNullBeforeTheFirstQuery() {
    assertThat(db.withSession().getBookmark()).isNull();
    assertThat(db.withSession(D1DatabaseSession.FIRST_PRIMARY).getBookmark()).isNull();
    assertThat(db.withSession(D1DatabaseSession.FIRST_UNCONSTRAINED).getBookmark()).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   "})
  void blankMeansFirstUnconstrained(String constraint) {
    assertThat(db.withSession(constraint).getBookmark()).isNull();
    assertThat(db.withSession(null).getBookmark()).isNull();
  }

  @Test
  void queryDeliversABookmarkInD1Format() {
    D1DatabaseSession session = db.withSession();
    session.prepare("SELECT * FROM s").all();
    if (supportsSessionBookmarks()) {
      assertThat(session.getBookmark()).matches("[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{32}");
    } else {
      assertThat(session.getBookmark()).isNull();
    }
  }

  @Test
  void writeAdvancesTheBookmark() {
    D1DatabaseSession session = db.withSession(D1DatabaseSession.FIRST_PRIMARY);
    session.prepare("SELECT * FROM s").all();
    String before = session.getBookmark();
    session.prepare("INSERT INTO s VALUES ('a')").run();
    String after = session.getBookmark();
    if (supportsSessionBookmarks()) {
      assertThat(after).isGreaterThan(before);
    } else {
      assertThat(after).isNull();
    }
  }

  @Test
  void sessionFromABookmarkReturnsItAtOnceAndMovesForward() {
    D1DatabaseSession first = db.withSession();
    first.prepare("INSERT INTO s VALUES ('a')").run();
    String bookmark =
        supportsSessionBookmarks()
            ? first.getBookmark()
            : "00000000-00000001-00000000-00000000000000000000000000000000";
    db.prepare("INSERT INTO s VALUES ('b')").run();
    D1DatabaseSession later = db.withSession(bookmark);
    assertThat(later.getBookmark()).isEqualTo(bookmark);
    assertThat(later.prepare("SELECT count(*) AS n FROM s").all().results())
        .containsExactly(row("n", 2L));
    assertThat(later.getBookmark()).isGreaterThanOrEqualTo(bookmark);
  }

  @Test
  void greaterBookmarkIsKept() {
    D1DatabaseSession session = db.withSession("garbage-bookmark");
    assertThat(session.getBookmark()).isEqualTo("garbage-bookmark");
    session.prepare("INSERT INTO s VALUES ('a')").run();
    assertThat(session.getBookmark()).isEqualTo("garbage-bookmark");
  }

  @Test
  void olderBookmarkIsReplacedAndNewerOneKept() {
    String oldest = "00000000-00000000-00000000-00000000000000000000000000000000";
    String future = "ffffffff-ffffffff-ffffffff-ffffffffffffffffffffffffffffffff";
    D1DatabaseSession old = db.withSession(oldest);
    D1DatabaseSession ahead = db.withSession(future);
    old.prepare("INSERT INTO s VALUES ('a')").run();
    ahead.prepare("INSERT INTO s VALUES ('b')").run();
    if (supportsSessionBookmarks()) {
      assertThat(old.getBookmark()).isGreaterThan(oldest);
    } else {
      assertThat(old.getBookmark()).isEqualTo(oldest);
    }
    assertThat(ahead.getBookmark()).isEqualTo(future);
  }

  @Test
  void bookmarksAreMonotonicAcrossManyWrites() {
    D1DatabaseSession session = db.withSession();
    String last = null;
    for (int i = 0; i < 5; i++) {
      session.prepare("INSERT INTO s VALUES (?)").bind("v" + i).run();
      String now = session.getBookmark();
      if (supportsSessionBookmarks()) {
        assertThat(now).isNotNull();
        if (last != null) {
          assertThat(now).isGreaterThan(last);
        }
      }
      last = now;
    }
  }

  @Test
  void sessionBatchIsAtomicAndSeesTheDatabase() {
    db.prepare("INSERT INTO s VALUES ('x')").run();
    D1DatabaseSession session = db.withSession();
    List<D1Result<Map<String, Object>>> rs =
        session.batch(
            session.prepare("INSERT INTO s VALUES ('y')"),
            session.prepare("SELECT count(*) AS n FROM s"));
    assertThat(rs.get(1).results()).containsExactly(row("n", 2L));
    sql("CREATE TABLE su (v TEXT UNIQUE)");
    assertThatThrownBy(
            () ->
                session.batch(
                    session.prepare("INSERT INTO su VALUES ('a')"),
                    session.prepare("INSERT INTO su VALUES ('a')")))
        .isInstanceOf(D1ConstraintException.class);
    assertThat(count("su")).isZero();
  }

  @Test
  void emptySessionBatchIsRejected() {
    assertThatThrownBy(() -> db.withSession().batch(List.of()))
        .isInstanceOf(D1SqlException.class)
        .hasMessage("D1_ERROR: No SQL statements detected.");
  }

  @Test
  void sessionStatementsFollowStatementRules() {
    D1DatabaseSession session = db.withSession();
    D1PreparedStatement st = session.prepare("SELECT ? AS v");
    assertThat(st.statement()).isEqualTo("SELECT ? AS v");
    assertThat((Long) st.bind(3).first("v")).isEqualTo(3L);
    assertThat(st.params()).isEmpty();
  }
}
