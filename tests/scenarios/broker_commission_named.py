"""Per-data commissions (setcommission/addcommissioninfo with name=) on two
datas with different calendars."""
from scenarios.broker_commission import FlatPlusPerc, one_run


def run(runonce, preload, exactbars):
    out = {}
    out['per_data_name'] = one_run(
        runonce, preload, exactbars, two=True,
        setup=lambda cer: [cer.broker.setcommission(commission=0.001),
                     cer.broker.setcommission(commission=5.0, margin=1000.0,
                                              mult=3.0, name='d1')])
    out['subclass'] = one_run(
        runonce, preload, exactbars, two=True,
        setup=lambda cer: cer.broker.addcommissioninfo(FlatPlusPerc()))
    out['subclass_named'] = one_run(
        runonce, preload, exactbars, two=True,
        setup=lambda cer: cer.broker.addcommissioninfo(FlatPlusPerc(flat=7.5),
                                                 name='d0'))
    return out
