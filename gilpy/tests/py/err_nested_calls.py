# traceback through several function frames
def parse(text):
    return int(text)


def load(items):
    return [parse(t) for t in items]


def main():
    print('loading')
    data = load(['1', '2', 'three'])
    print(data)


main()
