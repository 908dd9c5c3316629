"""A small threading program: what gilpy will run one day."""
import threading
import queue


class Worker(threading.Thread):
    """Takes numbers off a queue and adds them up."""

    def __init__(self, q: queue.Queue, name: str = "worker") -> None:
        super().__init__(name=name, daemon=True)
        self.q = q
        self.total = 0

    def run(self):
        while (item := self.q.get()) is not None:
            self.total += item ** 2 // 3 % 7
            self.q.task_done()


def main(n=1_000):
    q = queue.Queue(maxsize=0x10)
    workers = [Worker(q, f"w{i}") for i in range(4)]
    for w in workers:
        w.start()
    for i in range(n):
        q.put(i)
    for _ in workers:
        q.put(None)
    for w in workers:
        w.join(timeout=1.5e0)
    return sum(w.total for w in workers)


if __name__ == "__main__":
    print(main())
