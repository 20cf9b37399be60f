//! Serving over TCP, with limits at the edges: how long a request's head and body may take to
//! arrive, how many connections are held and requests are in flight at once, and how fast one
//! client may send. Without them a client that opens connections and never finishes a request
//! holds a file descriptor and a task each, for as long as it likes.
//!
//! Each limit is a well-kept piece, not code of our own: hyper's header read timeout, tower's
//! `ConcurrencyLimit` and `LoadShed`, `tower_governor`'s per-client rate limit. Every refusal
//! is a clean answer (408, 429 with `Retry-After`, 503 with `Retry-After`), explained as a
//! problem document under `/api` and as a page elsewhere (`error::explain`).

use std::convert::Infallible;
use std::future::Future;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower::{Service, ServiceBuilder, ServiceExt};
use tower_governor::GovernorError;
use tower_governor::governor::GovernorConfigBuilder;
use tower_governor::key_extractor::KeyExtractor;

use crate::{AppState, BODY_LIMIT};

/// The limits at the edges. `pelita serve` reads them from its configuration.
#[derive(Debug, Clone)]
pub struct Limits {
    /// A request's head (request line and headers) arrives within this, or the connection is
    /// closed. Also how long an idle keep-alive connection is kept.
    pub header_timeout: Duration,
    /// A request's body arrives in full within this, or the answer is 408.
    pub body_timeout: Duration,
    /// Connections served at once; more wait in the listen queue, holding no descriptor.
    pub max_connections: usize,
    /// Requests in flight at once (from their head to their answer); more are answered 503.
    pub max_in_flight: usize,
    /// Requests one client address may send: `None` turns the limit off.
    pub per_client: Option<Rate>,
}

/// A client's sustained rate and the burst it may send above it.
#[derive(Debug, Clone, Copy)]
pub struct Rate {
    pub per_second: u32,
    pub burst: u32,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            header_timeout: Duration::from_secs(10),
            body_timeout: Duration::from_secs(30),
            max_connections: 1024,
            max_in_flight: 512,
            // A person, or an office behind one address, sends a few requests a second; the
            // browser tests and schemathesis (one worker) stay well under this.
            per_client: Some(Rate {
                per_second: 100,
                burst: 1000,
            }),
        }
    }
}

/// Serves until `shutdown` resolves, then lets requests in flight finish.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    limits: Limits,
    shutdown: impl Future<Output = ()>,
) -> std::io::Result<()> {
    let (app, sweeper) = stack(state, &limits);
    let slots = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(limits.header_timeout);
    let graceful = GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        // A slot first: past the limit, connections wait in the kernel's queue.
        let slot = tokio::select! {
            s = slots.clone().acquire_owned() => s.expect("the semaphore is never closed"),
            () = &mut shutdown => break,
        };
        let (stream, peer) = tokio::select! {
            a = listener.accept() => match a {
                Ok(a) => a,
                Err(e) => {
                    // Out of descriptors, or the peer left: wait a little, never spin.
                    tracing::warn!(error = %e, "accepting a connection failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let app = app
            .clone()
            .map_request(move |mut r: hyper::Request<Incoming>| {
                r.extensions_mut().insert(ConnectInfo(peer));
                r.map(axum::body::Body::new)
            });
        let conn = http.serve_connection(TokioIo::new(stream), TowerToHyperService::new(app));
        let conn = graceful.watch(conn);
        tokio::spawn(async move {
            // Timeouts and clients that leave end here; nothing to report.
            let _ = conn.await;
            drop(slot);
        });
    }
    drop(listener);
    if let Some(s) = sweeper {
        s.abort();
    }
    // Requests in flight finish; none can take longer than its body and an answer.
    let _ = tokio::time::timeout(limits.body_timeout * 2, graceful.shutdown()).await;
    Ok(())
}

type Sweeper = Option<tokio::task::JoinHandle<()>>;

/// The application behind its limits, outermost first: security headers and explanations on
/// every answer, the per-client rate, load shedding, and the body deadline.
fn stack(
    state: AppState,
    limits: &Limits,
) -> (
    impl Service<
        Request,
        Response = Response,
        Error = Infallible,
        Future = impl Future<Output = Result<Response, Infallible>> + Send,
    > + Clone
    + Send
    + 'static,
    Sweeper,
) {
    let tls = state.config.tls;
    let rate = limits.per_client.and_then(|r| {
        GovernorConfigBuilder::default()
            .period(Duration::from_secs(1) / r.per_second.max(1))
            .burst_size(r.burst.max(1))
            .key_extractor(ClientAddress)
            .finish()
    });
    // Keyed limiters keep a cell per address seen; forget those that are full again.
    let sweeper = rate.as_ref().map(|c| {
        let limiter = c.limiter().clone();
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(Duration::from_secs(60)).await;
                limiter.retain_recent();
            }
        })
    });
    let governor = rate.map(|c| {
        tower_governor::GovernorLayer::new(c).error_handler(|e| match e {
            GovernorError::TooManyRequests { wait_time, .. } => too_many(wait_time),
            _ => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
        })
    });
    let app = ServiceBuilder::new()
        .layer(axum::middleware::from_fn(
            move |req: Request, next: axum::middleware::Next| {
                crate::security_headers(req, next, tls)
            },
        ))
        .layer(axum::middleware::from_fn(crate::error::explain))
        .option_layer(governor)
        .layer(axum::error_handling::HandleErrorLayer::new(shed))
        .load_shed()
        .concurrency_limit(limits.max_in_flight.max(1))
        .layer(axum::middleware::from_fn_with_state(
            limits.body_timeout,
            read_body,
        ))
        .service(crate::router(state));
    (app, sweeper)
}

/// 429 for a client over its rate, with when to come back (at least a second: `Retry-After`
/// counts whole seconds, and 0 would invite an immediate retry).
fn too_many(wait_secs: u64) -> Response {
    (
        StatusCode::TOO_MANY_REQUESTS,
        [(header::RETRY_AFTER, HeaderValue::from(wait_secs.max(1)))],
    )
        .into_response()
}

/// 503 when more requests are in flight than the limit: answered at once, not queued.
async fn shed(_: tower::BoxError) -> Response {
    (
        StatusCode::SERVICE_UNAVAILABLE,
        [(header::RETRY_AFTER, HeaderValue::from_static("1"))],
    )
        .into_response()
}

/// Reads the body in full within the deadline, before any handler runs, so a late body ends
/// with 408 and nothing half done. Read here rather than with tower-http's
/// `RequestBodyTimeout`, which bounds only the pause between two chunks (a byte every 29 s
/// would pass); inside the in-flight limit, so buffered bodies are bounded too.
async fn read_body(
    State(deadline): State<Duration>,
    req: Request,
    next: axum::middleware::Next,
) -> Response {
    let (parts, body) = req.into_parts();
    let status = match tokio::time::timeout(deadline, axum::body::to_bytes(body, BODY_LIMIT)).await
    {
        Ok(Ok(bytes)) => {
            return next
                .run(Request::from_parts(parts, axum::body::Body::from(bytes)))
                .await;
        }
        Ok(Err(e)) if too_large(&e) => StatusCode::PAYLOAD_TOO_LARGE,
        Ok(Err(_)) => StatusCode::BAD_REQUEST,
        Err(_) => StatusCode::REQUEST_TIMEOUT,
    };
    // The rest of the body is not read: the connection cannot carry another request.
    (status, [(header::CONNECTION, "close")]).into_response()
}

fn too_large(e: &axum::Error) -> bool {
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(e);
    while let Some(c) = cause {
        if c.is::<http_body_util::LengthLimitError>() {
            return true;
        }
        cause = c.source();
    }
    false
}

/// The client's address: its IPv4 address, or the /64 of its IPv6 address (one host is
/// usually given a whole /64, and would otherwise be a new client at every address).
/// Behind a reverse proxy every client shares the proxy's address: limit rates there, or
/// raise this limit.
#[derive(Debug, Clone, Copy)]
struct ClientAddress;

impl KeyExtractor for ClientAddress {
    type Key = IpAddr;

    fn extract<T>(&self, req: &hyper::Request<T>) -> Result<IpAddr, GovernorError> {
        let ip = req
            .extensions()
            .get::<ConnectInfo<SocketAddr>>()
            .map(|c| c.0.ip())
            .ok_or(GovernorError::UnableToExtractKey)?;
        Ok(match ip {
            IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
                Some(v4) => IpAddr::V4(v4),
                None => IpAddr::V6((u128::from(v6) & (u128::MAX << 64)).into()),
            },
            v4 => v4,
        })
    }
}
