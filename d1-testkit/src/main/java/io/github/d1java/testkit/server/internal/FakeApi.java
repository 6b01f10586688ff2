package io.github.d1java.testkit.server.internal;

import io.github.d1java.D1Database;
import io.github.d1java.testkit.server.RecordedRequest;
import java.util.List;

/**
 * The fake D1 REST API: authenticates and routes each request to its endpoint family ({@link
 * DatabaseEndpoints}, {@link QueryEndpoints}, {@link ExportEndpoints}, {@link ImportEndpoints},
 * {@link TimeTravelEndpoints}, {@link InsightsEndpoints}), plus the signed URLs, the user endpoints
 * wrangler's {@code whoami} reads ({@link UserEndpoints}) and the GraphQL analytics of {@code d1
 * info} and {@code d1 insights} ({@link GraphqlEndpoint}). Any base-URL prefix before {@code
 * /accounts/} or {@code /user/} is accepted. Thread-safe: requests to one database are serialised.
 */
public final class FakeApi implements AutoCloseable {

  private final FakeState state;
  private final SignedUrls signedUrls;
  private final UserEndpoints user;
  private final GraphqlEndpoint graphql;
  private final List<Endpoints> families;

  /** The Workers API endpoints of {@code d1 worker deploy}. */
  private final FakeWorkersApi workers = new FakeWorkersApi();

  /**
   * @param config the server's configuration
   */
  public FakeApi(FakeState.Config config) {
    this.state = new FakeState(config);
    this.signedUrls = new SignedUrls(state);
    this.user = new UserEndpoints(state);
    this.graphql = new GraphqlEndpoint(state);
    this.families =
        List.of(
            new DatabaseEndpoints(state),
            new QueryEndpoints(state),
            new ExportEndpoints(state),
            new ImportEndpoints(state),
            new TimeTravelEndpoints(state),
            new InsightsEndpoints(state));
  }

  /**
   * @param root scheme, host and port of signed URLs, e.g. {@code http://127.0.0.1:1234}
   */
  public void root(String root) {
    state.root = root;
  }

  /**
   * Creates a database directly (no request recorded).
   *
   * @param name the name
   * @return the UUID
   */
  public String createDatabase(String name) {
    return state.create(name, null, null, null).uuid;
  }

  /**
   * The engine database behind a fake database (it changes on restore).
   *
   * @param idOrName a UUID or name
   * @return the database
   * @throws IllegalArgumentException if there is none
   */
  public D1Database database(String idOrName) {
    FakeState.Db d = state.find(idOrName);
    if (d == null) {
      throw new IllegalArgumentException("no fake database " + idOrName);
    }
    return d.db;
  }

  /**
   * Answers one request.
   *
   * @param req the request
   * @return the reply
   */
  public Reply handle(RecordedRequest req) {
    try {
      return route(req);
    } catch (ApiError e) {
      return Json.error(e.status, e.code, e.getMessage());
    }
  }

  private Reply route(RecordedRequest req) {
    Reply r = signedUrls.handle(req);
    if (r == null) {
      r = user.handle(req);
    }
    if (r == null) {
      r = graphql.handle(req);
    }
    if (r == null) {
      r =
          workers.handle(
              req, state.config.apiToken(), state.config.accountId(), id -> state.find(id) != null);
    }
    if (r != null) {
      return r;
    }
    String path = req.path();
    int a = path.indexOf("/accounts/");
    if (a < 0) {
      throw ApiError.noRoute();
    }
    String rest = path.substring(a + "/accounts/".length());
    int slash = rest.indexOf('/');
    String account = Json.decode(slash < 0 ? rest : rest.substring(0, slash));
    String sub = slash < 0 ? "" : rest.substring(slash);
    if (!("Bearer " + state.config.apiToken()).equals(req.header("authorization"))) {
      throw new ApiError(401, 10000, "Authentication error");
    }
    if (!account.equals(state.config.accountId())) {
      throw new ApiError(
          403, 7403, "The given account is not valid or is not authorized to access this service");
    }
    ApiRequest api = new ApiRequest(req, req.method(), sub, Json.query(req.target()));
    for (Endpoints family : families) {
      r = family.handle(api);
      if (r != null) {
        return r;
      }
    }
    throw ApiError.noRoute();
  }

  @Override
  public void close() {
    state.close();
  }
}
