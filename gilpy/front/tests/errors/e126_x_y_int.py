x.y: int
