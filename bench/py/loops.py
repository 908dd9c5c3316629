# Loops with int arithmetic: while, for over range, augmented assignment.
def collatz_steps(limit):
    total = 0
    for n in range(1, limit):
        while n != 1:
            if n % 2 == 0:
                n //= 2
            else:
                n = 3 * n + 1
            total += 1
    return total

def sieve(n):
    flags = [True] * (n + 1)
    count = 0
    i = 2
    while i <= n:
        if flags[i]:
            count += 1
            j = i * i
            while j <= n:
                flags[j] = False
                j += i
        i += 1
    return count

print(collatz_steps(100000), sieve(1000000))
