//! The HTTP load driver: keep-alive connections over loopback against a running
//! `pelita serve`, each sending its next request when the last is answered (a closed loop, as
//! users at their desks do), bounded in time and in requests.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use anyhow::Context;
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::Request;
use hyper_util::rt::TokioIo;
use serde_json::{Value, json};

/// Latency and throughput of one figure.
pub struct Figure {
    pub requests: usize,
    pub errors: usize,
    pub p50_ms: f64,
    pub p99_ms: f64,
    pub per_s: f64,
}

impl Figure {
    pub fn from_samples(mut ms: Vec<f64>, errors: usize, elapsed: Duration) -> Figure {
        ms.sort_by(f64::total_cmp);
        Figure {
            requests: ms.len(),
            errors,
            p50_ms: percentile(&ms, 0.5),
            p99_ms: percentile(&ms, 0.99),
            per_s: ms.len() as f64 / elapsed.as_secs_f64().max(1e-9),
        }
    }

    pub fn json(&self) -> Value {
        json!({
            "requests": self.requests,
            "errors": self.errors,
            "p50_ms": round2(self.p50_ms),
            "p99_ms": round2(self.p99_ms),
            "per_s": self.per_s.round(),
        })
    }
}

pub fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

/// What a virtual user sends: method, path, headers, body.
pub struct Req {
    pub method: &'static str,
    pub path: String,
    pub headers: Vec<(&'static str, String)>,
    pub body: Option<String>,
    /// The status that counts as success.
    pub expect: u16,
}

type Sender = hyper::client::conn::http1::SendRequest<Full<Bytes>>;

async fn connect(addr: SocketAddr) -> anyhow::Result<Sender> {
    let stream = tokio::net::TcpStream::connect(addr).await?;
    stream.set_nodelay(true)?;
    let (sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(stream)).await?;
    tokio::spawn(conn);
    Ok(sender)
}

/// Sends one request; Ok(true) when the answer had the expected status. The body is read
/// whole, as a browser would.
pub async fn send(sender: &mut Sender, addr: SocketAddr, r: &Req) -> anyhow::Result<(u16, Bytes)> {
    sender.ready().await?;
    let mut b = Request::builder()
        .method(r.method)
        .uri(&r.path)
        .header("host", addr.to_string());
    for (k, v) in &r.headers {
        b = b.header(*k, v);
    }
    let body = Full::new(Bytes::from(r.body.clone().unwrap_or_default()));
    let resp = sender.send_request(b.body(body)?).await?;
    let status = resp.status().as_u16();
    let bytes = resp.into_body().collect().await?.to_bytes();
    Ok((status, bytes))
}

/// Runs `conns` closed-loop connections for at most `seconds` and `max` requests in all;
/// `make(i)` builds the i-th request.
pub async fn run(
    addr: SocketAddr,
    conns: usize,
    seconds: f64,
    max: usize,
    make: Arc<dyn Fn(usize) -> Req + Send + Sync>,
) -> anyhow::Result<Figure> {
    let next = Arc::new(AtomicUsize::new(0));
    let deadline = Instant::now() + Duration::from_secs_f64(seconds);
    let start = Instant::now();
    let mut tasks = Vec::new();
    for _ in 0..conns {
        let (next, make) = (next.clone(), make.clone());
        let mut sender = connect(addr).await.context("connect to pelita serve")?;
        tasks.push(tokio::spawn(async move {
            let mut samples = Vec::new();
            let mut errors = 0usize;
            loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= max || Instant::now() >= deadline {
                    break;
                }
                let r = make(i);
                let t = Instant::now();
                match send(&mut sender, addr, &r).await {
                    Ok((status, _)) if status == r.expect => {
                        samples.push(t.elapsed().as_secs_f64() * 1000.0)
                    }
                    Ok(_) => errors += 1,
                    Err(_) => {
                        errors += 1;
                        match connect(addr).await {
                            Ok(s) => sender = s,
                            Err(_) => break,
                        }
                    }
                }
            }
            (samples, errors)
        }));
    }
    let mut samples = Vec::new();
    let mut errors = 0;
    for t in tasks {
        let (s, e) = t.await?;
        samples.extend(s);
        errors += e;
    }
    Ok(Figure::from_samples(samples, errors, start.elapsed()))
}
