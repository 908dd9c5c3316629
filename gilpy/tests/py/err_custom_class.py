# an uncaught user-defined exception: printed with its bare class name
class ValidationError(Exception):
    def __init__(self, field, problem):
        super().__init__(field, problem)
        self.field = field

    def __str__(self):
        return '%s: %s' % self.args


def validate(record):
    if 'id' not in record:
        raise ValidationError('id', 'missing')


validate({'name': 'x'})
