s = 'nbsp zwsp​ctrlend'
# comment with nbsp  and  control
t = 1
