# traceback through methods and a lambda
class Calculator:
    def apply(self, fn, x):
        return fn(x)

    def run(self):
        return self.apply(lambda v: v / 0, 5)


Calculator().run()
