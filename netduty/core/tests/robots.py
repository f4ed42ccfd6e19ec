"""A local group-robot endpoint on 127.0.0.1 (never the internet) for webhook tests.

    with RobotServer() as robots:
        settings.NETDUTY_WEBHOOKS = [{"kind": "wecom", "url": robots.url("/wecom")}]
        ...
        robots.bodies("/wecom")   # the JSON bodies posted there

`answers[path] = (status, body)` changes what a path answers (default 200 `{"errcode": 0}`);
`delay` seconds are slept before answering (timeouts)."""

from __future__ import annotations

import http.server
import json
import threading
import time
from typing import Any


class RobotServer:
    def __init__(self) -> None:
        robot = self
        self.posts: list[tuple[str, bytes]] = []
        self.answers: dict[str, tuple[int, bytes]] = {}
        self.delay = 0.0

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                robot.posts.append((self.path, self.rfile.read(length)))
                if robot.delay:
                    time.sleep(robot.delay)
                status, data = robot.answers.get(self.path.split("?")[0], (200, b'{"errcode": 0, "code": 0}'))
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except OSError:  # the client gave up (timeout test)
                    pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def bodies(self, path: str) -> list[dict[str, Any]]:
        return [json.loads(body) for p, body in self.posts if p.split("?")[0] == path]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def __enter__(self) -> RobotServer:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
