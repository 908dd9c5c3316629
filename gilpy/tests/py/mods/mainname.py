print('mainname: __name__ is', __name__)
if __name__ == '__main__':
    print('mainname: run as a script')
else:
    print('mainname: imported')
