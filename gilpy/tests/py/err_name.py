# NameError for an undefined name
def compute():
    return undefined_variable_qqq * 2


print('start')
compute()
