# Float math: an n-body step loop and a Mandelbrot count.
import math

def mandel(size):
    inside = 0
    for y in range(size):
        ci = 2.0 * y / size - 1.0
        for x in range(size):
            cr = 2.5 * x / size - 2.0
            zr = zi = 0.0
            k = 0
            while k < 50 and zr * zr + zi * zi < 4.0:
                zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
                k += 1
            if k == 50:
                inside += 1
    return inside

def spring(steps):
    x, v, t = 1.0, 0.0, 0.0
    dt = 0.001
    for _ in range(steps):
        a = -x - 0.1 * v + math.sin(t)
        v += a * dt
        x += v * dt
        t += dt
    return round(x, 6)

print(mandel(300), spring(1000000))
