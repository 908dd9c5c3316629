# if __name__ == "__main__"
print('__name__ is', __name__)


def main():
    print('main() called')
    return 0


if __name__ == "__main__":
    print('running as the main program')
    main()
else:
    print('imported')
